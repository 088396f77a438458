-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'CANCELLED', 'SENT');

-- CreateEnum
CREATE TYPE "CampaignRecipientStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "PetitionStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'HANDED_OVER', 'RESPONDED');

-- CreateEnum
CREATE TYPE "SignatureStatus" AS ENUM ('PENDING', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "PetitionBlockKind" AS ENUM ('DOMAIN', 'ADDRESS');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('RALLY', 'MARCH', 'ILLUMINATION', 'ART_INSTALLATION', 'LECTURE', 'WORKSHOP', 'ONLINE', 'OTHER');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RsvpStatus" AS ENUM ('PENDING_EMAIL', 'CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RsvpMailKind" AS ENUM ('STATUS', 'PROMOTED');

-- CreateEnum
CREATE TYPE "ReformStageKind" AS ENUM ('PROPOSED', 'DRAFTED', 'SUBMITTED_TO_GOVERNMENT', 'MAZHILIS_FIRST_READING', 'PASSED_MAZHILIS', 'SENATE', 'SIGNED', 'IN_FORCE', 'STALLED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReformAlertFrequency" AS ENUM ('EACH', 'WEEKLY');

-- CreateEnum
CREATE TYPE "ReformSubscriptionStatus" AS ENUM ('PENDING', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "ReformAlertStatus" AS ENUM ('PENDING', 'QUEUED', 'SKIPPED');

-- AlterEnum
ALTER TYPE "OutboundMailStatus" ADD VALUE 'SKIPPED';

-- AlterTable
ALTER TABLE "OutboundMail" ADD COLUMN     "locale" "Locale" NOT NULL DEFAULT 'ru',
ADD COLUMN     "payload" JSONB,
ADD COLUMN     "topic" TEXT;

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupporterTag" (
    "supporterId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupporterTag_pkey" PRIMARY KEY ("supporterId","tagId")
);

-- CreateTable
CREATE TABLE "EmailCampaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "subject" JSONB NOT NULL,
    "body" JSONB NOT NULL,
    "audience" JSONB NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "scheduledAt" TIMESTAMP(3),
    "useNeutralSender" BOOLEAN NOT NULL DEFAULT false,
    "subjectPrefix" TEXT,
    "rendered" JSONB,
    "createdById" TEXT,
    "recipientCount" INTEGER NOT NULL DEFAULT 0,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" BIGSERIAL NOT NULL,
    "campaignId" TEXT NOT NULL,
    "supporterId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "status" "CampaignRecipientStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "messageId" TEXT,

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Petition" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "body" JSONB NOT NULL,
    "addressee" JSONB NOT NULL,
    "goal" INTEGER NOT NULL,
    "milestones" INTEGER[],
    "milestonesAnnounced" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "status" "PetitionStatus" NOT NULL DEFAULT 'DRAFT',
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "handedOverAt" TIMESTAMP(3),
    "handoverNote" JSONB,
    "respondedAt" TIMESTAMP(3),
    "response" JSONB,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "countCheckedAt" TIMESTAMP(3),
    "countDrift" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Petition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" BIGSERIAL NOT NULL,
    "petitionId" TEXT NOT NULL,
    "supporterId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "region" "Region" NOT NULL,
    "city" TEXT,
    "comment" TEXT,
    "locale" "Locale" NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "wantsUpdates" BOOLEAN NOT NULL DEFAULT false,
    "status" "SignatureStatus" NOT NULL DEFAULT 'PENDING',
    "consentVersion" TEXT NOT NULL,
    "tokenHash" TEXT,
    "mailPending" BOOLEAN NOT NULL DEFAULT true,
    "mailsSent" INTEGER NOT NULL DEFAULT 0,
    "lastMailAt" TIMESTAMP(3),
    "ipHash" TEXT,
    "ipPrefix" TEXT,
    "isFlagged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PetitionCountShard" (
    "petitionId" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "confirmed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PetitionCountShard_pkey" PRIMARY KEY ("petitionId","shard")
);

-- CreateTable
CREATE TABLE "PetitionBlock" (
    "id" TEXT NOT NULL,
    "kind" "PetitionBlockKind" NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PetitionBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventCampaign" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL,
    "type" "EventType" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "region" "Region" NOT NULL,
    "city" TEXT NOT NULL,
    "venue" TEXT,
    "address" TEXT,
    "mapUrl" TEXT,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "onlineUrl" TEXT,
    "isOnlineLinkPrivate" BOOLEAN NOT NULL DEFAULT false,
    "languages" "Locale"[],
    "accessibilityNotes" JSONB,
    "capacity" INTEGER,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,
    "maxGuestsPerRsvp" INTEGER NOT NULL DEFAULT 2,
    "requiresEmailConfirmation" BOOLEAN NOT NULL DEFAULT false,
    "status" "EventStatus" NOT NULL DEFAULT 'DRAFT',
    "rejectionReason" TEXT,
    "cancellationNote" TEXT,
    "organiserName" TEXT NOT NULL,
    "submitterName" TEXT,
    "submitterEmail" TEXT,
    "submitterLocale" "Locale",
    "submitterVerifiedAt" TIMESTAMP(3),
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "noticeSequence" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rsvp" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "supporterId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "guests" INTEGER NOT NULL DEFAULT 0,
    "locale" "Locale" NOT NULL,
    "status" "RsvpStatus" NOT NULL,
    "consentVersion" TEXT NOT NULL,
    "waitlistedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "attendedAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "notifiedSequence" INTEGER NOT NULL DEFAULT 0,
    "mailPending" "RsvpMailKind",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rsvp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reform" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "currentStage" "ReformStageKind" NOT NULL DEFAULT 'PROPOSED',
    "petitionId" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReformStage" (
    "id" TEXT NOT NULL,
    "reformId" TEXT NOT NULL,
    "stage" "ReformStageKind" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "note" JSONB NOT NULL,
    "sourceUrl" TEXT,
    "sourceLabel" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fanOutPreparedAt" TIMESTAMP(3),
    "fanOutFinishedAt" TIMESTAMP(3),

    CONSTRAINT "ReformStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReformSubscription" (
    "id" TEXT NOT NULL,
    "supporterId" TEXT NOT NULL,
    "reformId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "frequency" "ReformAlertFrequency" NOT NULL DEFAULT 'EACH',
    "status" "ReformSubscriptionStatus" NOT NULL DEFAULT 'PENDING',
    "tokenHash" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "pendingLocale" "Locale",
    "pendingFrequency" "ReformAlertFrequency",
    "consentVersion" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'form',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "ReformSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReformAlert" (
    "id" BIGSERIAL NOT NULL,
    "stageId" TEXT NOT NULL,
    "supporterId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "status" "ReformAlertStatus" NOT NULL DEFAULT 'PENDING',
    "outboundMailId" TEXT,
    "skipReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMP(3),

    CONSTRAINT "ReformAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReformDigest" (
    "supporterId" TEXT NOT NULL,
    "weekOf" DATE NOT NULL,
    "coveredUntil" TIMESTAMP(3) NOT NULL,
    "stageIds" TEXT[],
    "outboundMailId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReformDigest_pkey" PRIMARY KEY ("supporterId","weekOf")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");

-- CreateIndex
CREATE INDEX "SupporterTag_tagId_idx" ON "SupporterTag"("tagId");

-- CreateIndex
CREATE INDEX "EmailCampaign_status_scheduledAt_idx" ON "EmailCampaign"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_status_id_idx" ON "CampaignRecipient"("campaignId", "status", "id");

-- CreateIndex
CREATE INDEX "CampaignRecipient_supporterId_idx" ON "CampaignRecipient"("supporterId");

-- CreateIndex
CREATE INDEX "CampaignRecipient_sentAt_idx" ON "CampaignRecipient"("sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_campaignId_supporterId_key" ON "CampaignRecipient"("campaignId", "supporterId");

-- CreateIndex
CREATE UNIQUE INDEX "Petition_slug_key" ON "Petition"("slug");

-- CreateIndex
CREATE INDEX "Petition_status_idx" ON "Petition"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_tokenHash_key" ON "Signature"("tokenHash");

-- CreateIndex
CREATE INDEX "Signature_petitionId_status_confirmedAt_idx" ON "Signature"("petitionId", "status", "confirmedAt");

-- CreateIndex
CREATE INDEX "Signature_petitionId_createdAt_idx" ON "Signature"("petitionId", "createdAt");

-- CreateIndex
CREATE INDEX "Signature_mailPending_id_idx" ON "Signature"("mailPending", "id");

-- CreateIndex
CREATE INDEX "Signature_status_expiresAt_idx" ON "Signature"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "Signature_supporterId_idx" ON "Signature"("supporterId");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_petitionId_email_key" ON "Signature"("petitionId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "PetitionBlock_value_key" ON "PetitionBlock"("value");

-- CreateIndex
CREATE UNIQUE INDEX "EventCampaign_slug_key" ON "EventCampaign"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_campaignId_status_startsAt_idx" ON "Event"("campaignId", "status", "startsAt");

-- CreateIndex
CREATE INDEX "Event_status_startsAt_idx" ON "Event"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Rsvp_eventId_status_waitlistedAt_idx" ON "Rsvp"("eventId", "status", "waitlistedAt");

-- CreateIndex
CREATE INDEX "Rsvp_status_reminderSentAt_idx" ON "Rsvp"("status", "reminderSentAt");

-- CreateIndex
CREATE INDEX "Rsvp_mailPending_idx" ON "Rsvp"("mailPending");

-- CreateIndex
CREATE INDEX "Rsvp_supporterId_idx" ON "Rsvp"("supporterId");

-- CreateIndex
CREATE INDEX "Rsvp_createdAt_idx" ON "Rsvp"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Rsvp_eventId_email_key" ON "Rsvp"("eventId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Reform_slug_key" ON "Reform"("slug");

-- CreateIndex
CREATE INDEX "Reform_currentStage_idx" ON "Reform"("currentStage");

-- CreateIndex
CREATE INDEX "ReformStage_reformId_occurredOn_idx" ON "ReformStage"("reformId", "occurredOn");

-- CreateIndex
CREATE INDEX "ReformStage_fanOutFinishedAt_idx" ON "ReformStage"("fanOutFinishedAt");

-- CreateIndex
CREATE INDEX "ReformStage_createdAt_idx" ON "ReformStage"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReformStage_reformId_stage_occurredOn_key" ON "ReformStage"("reformId", "stage", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReformSubscription_tokenHash_key" ON "ReformSubscription"("tokenHash");

-- CreateIndex
CREATE INDEX "ReformSubscription_reformId_status_frequency_idx" ON "ReformSubscription"("reformId", "status", "frequency");

-- CreateIndex
CREATE INDEX "ReformSubscription_status_frequency_idx" ON "ReformSubscription"("status", "frequency");

-- CreateIndex
CREATE UNIQUE INDEX "ReformSubscription_supporterId_scopeKey_key" ON "ReformSubscription"("supporterId", "scopeKey");

-- CreateIndex
CREATE INDEX "ReformAlert_stageId_status_id_idx" ON "ReformAlert"("stageId", "status", "id");

-- CreateIndex
CREATE INDEX "ReformAlert_supporterId_idx" ON "ReformAlert"("supporterId");

-- CreateIndex
CREATE UNIQUE INDEX "ReformAlert_stageId_supporterId_key" ON "ReformAlert"("stageId", "supporterId");

-- CreateIndex
CREATE INDEX "ReformDigest_supporterId_coveredUntil_idx" ON "ReformDigest"("supporterId", "coveredUntil");

-- AddForeignKey
ALTER TABLE "SupporterTag" ADD CONSTRAINT "SupporterTag_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupporterTag" ADD CONSTRAINT "SupporterTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailCampaign" ADD CONSTRAINT "EmailCampaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "EmailCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PetitionCountShard" ADD CONSTRAINT "PetitionCountShard_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "EventCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reform" ADD CONSTRAINT "Reform_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReformStage" ADD CONSTRAINT "ReformStage_reformId_fkey" FOREIGN KEY ("reformId") REFERENCES "Reform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReformSubscription" ADD CONSTRAINT "ReformSubscription_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReformSubscription" ADD CONSTRAINT "ReformSubscription_reformId_fkey" FOREIGN KEY ("reformId") REFERENCES "Reform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReformAlert" ADD CONSTRAINT "ReformAlert_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ReformStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReformAlert" ADD CONSTRAINT "ReformAlert_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReformDigest" ADD CONSTRAINT "ReformDigest_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
