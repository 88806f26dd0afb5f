-- CreateTable
CREATE TABLE "HeldFile" (
    "id" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "HeldFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HeldFile_expiresAt_idx" ON "HeldFile"("expiresAt");
