-- CreateTable
CREATE TABLE "MembershipRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "companyId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "identityKey" TEXT NOT NULL DEFAULT '',
    "requestedName" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "countries" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "decidedById" INTEGER,
    CONSTRAINT "MembershipRequest_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Company" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "looseKey" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Company" ("createdAt", "id", "name", "nameKey") SELECT "createdAt", "id", "name", "nameKey" FROM "Company";
DROP TABLE "Company";
ALTER TABLE "new_Company" RENAME TO "Company";
CREATE UNIQUE INDEX "Company_nameKey_key" ON "Company"("nameKey");
CREATE INDEX "Company_looseKey_idx" ON "Company"("looseKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MembershipRequest_companyId_status_idx" ON "MembershipRequest"("companyId", "status");

-- CreateIndex
CREATE INDEX "MembershipRequest_personId_status_idx" ON "MembershipRequest"("personId", "status");

-- CreateIndex
CREATE INDEX "MembershipRequest_status_idx" ON "MembershipRequest"("status");
