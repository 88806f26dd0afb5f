-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "looseKey" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "MembershipRequest" (
    "id" SERIAL NOT NULL,
    "companyId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "identityKey" TEXT NOT NULL DEFAULT '',
    "requestedName" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "countries" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,

    CONSTRAINT "MembershipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MembershipRequest_companyId_status_idx" ON "MembershipRequest"("companyId", "status");

-- CreateIndex
CREATE INDEX "MembershipRequest_personId_status_idx" ON "MembershipRequest"("personId", "status");

-- CreateIndex
CREATE INDEX "MembershipRequest_status_idx" ON "MembershipRequest"("status");

-- CreateIndex
CREATE INDEX "Company_looseKey_idx" ON "Company"("looseKey");

-- AddForeignKey
ALTER TABLE "MembershipRequest" ADD CONSTRAINT "MembershipRequest_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
