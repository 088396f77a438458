-- AlterTable
ALTER TABLE "Event" DROP COLUMN "requiresEmailConfirmation";
