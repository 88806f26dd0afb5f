-- CreateTable
CREATE TABLE "ShownChoices" (
    "identityKey" TEXT NOT NULL PRIMARY KEY,
    "choices" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "replies" TEXT NOT NULL,
    "dueAt" DATETIME,
    "dedupeKey" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Outbox" ("attempts", "cancelledAt", "createdAt", "dedupeKey", "dueAt", "id", "lastError", "personId", "replies", "sentAt") SELECT "attempts", "cancelledAt", "createdAt", "dedupeKey", "dueAt", "id", "lastError", "personId", "replies", "sentAt" FROM "Outbox";
DROP TABLE "Outbox";
ALTER TABLE "new_Outbox" RENAME TO "Outbox";
CREATE UNIQUE INDEX "Outbox_dedupeKey_key" ON "Outbox"("dedupeKey");
CREATE INDEX "Outbox_sentAt_dueAt_idx" ON "Outbox"("sentAt", "dueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
