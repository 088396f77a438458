-- AlterEnum
ALTER TYPE "OutboundMailStatus" ADD VALUE 'UNCERTAIN';

-- AlterTable
ALTER TABLE "OutboundMail" ADD COLUMN     "handedToSmtpAt" TIMESTAMP(3),
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3);
