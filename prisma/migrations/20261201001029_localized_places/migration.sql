-- Places, venues, organisers and reform sources get a form per language, like titles: {kk, ru, en}.
-- An existing text becomes the same text in all three languages (organizers translate it later).
ALTER TABLE "Event"
  ALTER COLUMN "city" TYPE JSONB USING jsonb_build_object('kk', "city", 'ru', "city", 'en', "city"),
  ALTER COLUMN "venue" TYPE JSONB USING CASE WHEN "venue" IS NULL THEN NULL ELSE jsonb_build_object('kk', "venue", 'ru', "venue", 'en', "venue") END,
  ALTER COLUMN "address" TYPE JSONB USING CASE WHEN "address" IS NULL THEN NULL ELSE jsonb_build_object('kk', "address", 'ru', "address", 'en', "address") END,
  ALTER COLUMN "organiserName" TYPE JSONB USING jsonb_build_object('kk', "organiserName", 'ru', "organiserName", 'en', "organiserName"),
  ADD COLUMN "cityKey" TEXT;

-- The calendar filters by a city key: the en form, trimmed, in lower case (lib/events/city-key.ts).
UPDATE "Event" SET "cityKey" = lower(btrim("city"->>'en'));
ALTER TABLE "Event" ALTER COLUMN "cityKey" SET NOT NULL;

CREATE INDEX "Event_campaignId_cityKey_idx" ON "Event"("campaignId", "cityKey");

ALTER TABLE "ReformStage"
  ALTER COLUMN "sourceLabel" TYPE JSONB
    USING CASE WHEN "sourceLabel" IS NULL THEN NULL ELSE jsonb_build_object('kk', "sourceLabel", 'ru', "sourceLabel", 'en', "sourceLabel") END;
