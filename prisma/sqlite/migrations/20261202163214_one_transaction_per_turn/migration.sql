-- DropIndex
DROP INDEX "InboxRequest_status_leaseUntil_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "InboxRequest";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Booking" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slotId" INTEGER NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "applicantId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "menu" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'ja',
    "estimateMinutes" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'booked',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" DATETIME,
    "cancelledById" INTEGER,
    "cancelReason" TEXT,
    CONSTRAINT "Booking_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Booking_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Booking" ("applicantId", "applicationId", "cancelReason", "cancelledAt", "cancelledById", "createdAt", "estimateMinutes", "id", "kind", "language", "menu", "slotId", "status") SELECT "applicantId", "applicationId", "cancelReason", "cancelledAt", "cancelledById", "createdAt", "estimateMinutes", "id", "kind", "language", "menu", "slotId", "status" FROM "Booking";
DROP TABLE "Booking";
ALTER TABLE "new_Booking" RENAME TO "Booking";
CREATE INDEX "Booking_applicationId_status_idx" ON "Booking"("applicationId", "status");
CREATE INDEX "Booking_applicantId_idx" ON "Booking"("applicantId");
CREATE TABLE "new_ConversationState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "identityKey" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_ConversationState" ("conversationKey", "expiresAt", "flow", "id", "identityKey", "state", "updatedAt") SELECT "conversationKey", "expiresAt", "flow", "id", "identityKey", "state", "updatedAt" FROM "ConversationState";
DROP TABLE "ConversationState";
ALTER TABLE "new_ConversationState" RENAME TO "ConversationState";
CREATE UNIQUE INDEX "ConversationState_identityKey_conversationKey_key" ON "ConversationState"("identityKey", "conversationKey");
CREATE TABLE "new_HourEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" INTEGER NOT NULL,
    "expertId" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "workDate" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" DATETIME,
    "voidedById" INTEGER,
    "voidReason" TEXT,
    CONSTRAINT "HourEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_HourEntry" ("applicationId", "category", "createdAt", "expertId", "id", "minutes", "note", "voidReason", "voidedAt", "voidedById", "workDate") SELECT "applicationId", "category", "createdAt", "expertId", "id", "minutes", "note", "voidReason", "voidedAt", "voidedById", "workDate" FROM "HourEntry";
DROP TABLE "HourEntry";
ALTER TABLE "new_HourEntry" RENAME TO "HourEntry";
CREATE INDEX "HourEntry_applicationId_createdAt_idx" ON "HourEntry"("applicationId", "createdAt");
CREATE INDEX "HourEntry_expertId_createdAt_idx" ON "HourEntry"("expertId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
