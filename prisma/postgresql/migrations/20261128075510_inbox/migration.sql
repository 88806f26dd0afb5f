-- CreateTable
CREATE TABLE "InboxRequest" (
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "InboxRequest_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "InboxRequest_status_leaseUntil_idx" ON "InboxRequest"("status", "leaseUntil");
