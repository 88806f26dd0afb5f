-- DropIndex
DROP INDEX "HourEntry_requestKey_key";

-- DropIndex
DROP INDEX "Booking_requestKey_key";

-- AlterTable
ALTER TABLE "HourEntry" DROP COLUMN "requestKey";

-- AlterTable
ALTER TABLE "Booking" DROP COLUMN "requestKey";

-- AlterTable
ALTER TABLE "ConversationState" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- DropTable
DROP TABLE "InboxRequest";
