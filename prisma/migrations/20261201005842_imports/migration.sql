-- CreateEnum
CREATE TYPE "ImportTarget" AS ENUM ('SUPPORTERS', 'SIGNATURES');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "ImportConsentBasis" AS ENUM ('COLUMN', 'ONE_DATE', 'NONE');

-- CreateEnum
CREATE TYPE "SignatureChannel" AS ENUM ('ONLINE', 'OFFLINE');

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "channel" "SignatureChannel" NOT NULL DEFAULT 'ONLINE',
ADD COLUMN     "importId" TEXT,
ADD COLUMN     "offlineSource" TEXT;

-- AlterTable
ALTER TABLE "Supporter" ADD COLUMN     "citySealed" TEXT;

-- CreateTable
CREATE TABLE "Import" (
    "id" TEXT NOT NULL,
    "target" "ImportTarget" NOT NULL,
    "petitionId" TEXT,
    "createdById" TEXT,
    "locale" "Locale" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSealed" TEXT,
    "headers" TEXT[],
    "totalRows" INTEGER NOT NULL,
    "settings" JSONB,
    "sourceLabel" TEXT,
    "consentBasis" "ImportConsentBasis",
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "importedRows" INTEGER NOT NULL DEFAULT 0,
    "mergedRows" INTEGER NOT NULL DEFAULT 0,
    "refusedRows" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRefusedRow" (
    "importId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "reasons" TEXT[],
    "cellsSealed" TEXT NOT NULL,

    CONSTRAINT "ImportRefusedRow_pkey" PRIMARY KEY ("importId","rowNumber")
);

-- CreateTable
CREATE TABLE "ImportedSupporter" (
    "importId" TEXT NOT NULL,
    "supporterId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedSupporter_pkey" PRIMARY KEY ("importId","supporterId")
);

-- CreateIndex
CREATE INDEX "Import_createdAt_idx" ON "Import"("createdAt");

-- CreateIndex
CREATE INDEX "ImportedSupporter_supporterId_idx" ON "ImportedSupporter"("supporterId");

-- CreateIndex
CREATE INDEX "Signature_petitionId_channel_idx" ON "Signature"("petitionId", "channel");

-- AddForeignKey
ALTER TABLE "ImportRefusedRow" ADD CONSTRAINT "ImportRefusedRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedSupporter" ADD CONSTRAINT "ImportedSupporter_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedSupporter" ADD CONSTRAINT "ImportedSupporter_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
