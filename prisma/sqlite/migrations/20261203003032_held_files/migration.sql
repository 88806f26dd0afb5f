-- CreateTable
CREATE TABLE "HeldFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME,
    "releasedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "HeldFile_expiresAt_idx" ON "HeldFile"("expiresAt");
