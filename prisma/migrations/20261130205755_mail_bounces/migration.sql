-- CreateEnum
CREATE TYPE "MailBounceKind" AS ENUM ('HARD', 'SOFT');

-- CreateTable
CREATE TABLE "MailBounce" (
    "id" TEXT NOT NULL,
    "supporterId" TEXT,
    "outboundMailId" TEXT,
    "campaignId" TEXT,
    "kind" "MailBounceKind" NOT NULL,
    "status" TEXT NOT NULL,
    "diagnostic" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "MailBounce_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MailBounce_supporterId_createdAt_idx" ON "MailBounce"("supporterId", "createdAt");

-- CreateIndex
CREATE INDEX "MailBounce_campaignId_createdAt_idx" ON "MailBounce"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "MailBounce_createdAt_idx" ON "MailBounce"("createdAt");

-- AddForeignKey
ALTER TABLE "MailBounce" ADD CONSTRAINT "MailBounce_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE SET NULL ON UPDATE CASCADE;
