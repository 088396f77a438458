-- Personal data is sealed from here on (lib/security/keyring.ts). SQL cannot seal what is already
-- stored (the key is not in the database), so this refuses to run over personal data kept in the
-- clear by an earlier version instead of dropping it. Caught demo mail is only dropped.
-- One statement without a semicolon inside (the migration engine splits scripts at every one): the
-- cast of the message fails, so the message is the error.
SELECT CASE WHEN EXISTS (SELECT 1 FROM "Supporter") OR EXISTS (SELECT 1 FROM "OutboundMail")
  THEN concat('This database holds supporters stored in the clear by a Dauys version before encryption at rest. Export what you need, then start on an empty database (for the demo: delete .data/postgres). See docs/privacy.md.', '')::int
END;

DELETE FROM "CaughtMail";

-- CreateEnum
CREATE TYPE "DataKeyPurpose" AS ENUM ('SEAL', 'BLIND_INDEX');

-- DropIndex
DROP INDEX "Rsvp_eventId_email_key";

-- DropIndex
DROP INDEX "Signature_petitionId_email_key";

-- DropIndex
DROP INDEX "Supporter_email_key";

-- AlterTable
ALTER TABLE "CaughtMail" DROP COLUMN "fromAddr",
DROP COLUMN "html",
DROP COLUMN "raw",
DROP COLUMN "subject",
DROP COLUMN "text",
DROP COLUMN "toAddrs",
ADD COLUMN     "message" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "OutboundMail" DROP COLUMN "payload",
DROP COLUMN "toAddress",
ADD COLUMN     "payloadSealed" TEXT,
ADD COLUMN     "toAddressSealed" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Rsvp" DROP COLUMN "email",
DROP COLUMN "name",
ADD COLUMN     "emailIndex" TEXT NOT NULL,
ADD COLUMN     "emailSealed" TEXT NOT NULL,
ADD COLUMN     "nameSealed" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Signature" DROP COLUMN "city",
DROP COLUMN "comment",
DROP COLUMN "email",
DROP COLUMN "fullName",
DROP COLUMN "ipPrefix",
ADD COLUMN     "citySealed" TEXT,
ADD COLUMN     "commentSealed" TEXT,
ADD COLUMN     "emailIndex" TEXT NOT NULL,
ADD COLUMN     "emailSealed" TEXT NOT NULL,
ADD COLUMN     "fullNameSealed" TEXT NOT NULL,
ADD COLUMN     "ipPrefixSealed" TEXT;

-- AlterTable
ALTER TABLE "Supporter" DROP COLUMN "email",
DROP COLUMN "name",
ADD COLUMN     "emailIndex" TEXT NOT NULL,
ADD COLUMN     "emailSealed" TEXT NOT NULL,
ADD COLUMN     "nameSealed" TEXT;

-- CreateTable
CREATE TABLE "DataKey" (
    "id" INTEGER NOT NULL,
    "purpose" "DataKeyPurpose" NOT NULL,
    "wrapped" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rewrappedAt" TIMESTAMP(3),

    CONSTRAINT "DataKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Rsvp_eventId_emailIndex_key" ON "Rsvp"("eventId", "emailIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_petitionId_emailIndex_key" ON "Signature"("petitionId", "emailIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Supporter_emailIndex_key" ON "Supporter"("emailIndex");
