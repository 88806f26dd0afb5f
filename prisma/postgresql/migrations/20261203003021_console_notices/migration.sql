-- AlterTable
ALTER TABLE "Outbox" ALTER COLUMN "dueAt" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ShownChoices" (
    "identityKey" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShownChoices_pkey" PRIMARY KEY ("identityKey")
);
