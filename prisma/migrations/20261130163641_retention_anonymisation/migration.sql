-- AlterTable
ALTER TABLE "OutboundMail" ADD COLUMN     "redactedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Rsvp" ADD COLUMN     "anonymisedAt" TIMESTAMP(3),
ALTER COLUMN "supporterId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "anonymisedAt" TIMESTAMP(3),
ALTER COLUMN "supporterId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "OutboundMail_redactedAt_createdAt_idx" ON "OutboundMail"("redactedAt", "createdAt");
