'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireOrganizerForAction, verifyPath, type Organizer } from '@/lib/auth';
import { isStepUpRequired } from '@/lib/auth/step-up';
import { cancelCampaign, pauseCampaign, resumeCampaign, unscheduleCampaign } from '@/lib/campaigns/control-campaign';
import { countAudience } from '@/lib/campaigns/count-audience';
import { renderCampaignMessage } from '@/lib/campaigns/render-campaign-message';
import { saveCampaign } from '@/lib/campaigns/save-campaign';
import { scheduleCampaign } from '@/lib/campaigns/schedule-campaign';
import { audienceSourceFromKey } from '@/lib/campaigns/audience-source-key';
import { formStateForError, invalidFormState } from '@/lib/campaigns/field-errors';
import { AudienceSchema, CampaignDraftSchema, CampaignIdSchema, ScheduleFormSchema } from '@/lib/campaigns/schemas';
import { sendCampaignTestMail } from '@/lib/campaigns/send-campaign-test-mail';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { wakeCampaignSender } from '@/lib/campaigns/wake-sender';
import { isAppError } from '@/lib/errors';
import { formInput, type FormFailure, type FormState } from '@/lib/i18n/field-errors';
import { LocaleSchema, readLocale } from '@/lib/validation';

const AUDIENCE_LISTS = ['audience.sources', 'audience.regions', 'audience.locales', 'audience.tagIds'];

/** The draft as CampaignDraftSchema reads it: sources come as keys, the neutral sender as a checkbox. */
function campaignDraftInput(formData: FormData) {
  const input = formInput(formData, AUDIENCE_LISTS) as { audience: { sources: string[] } } & Record<string, unknown>;
  return {
    ...input,
    audience: { ...input.audience, sources: input.audience.sources.map(audienceSourceFromKey) },
    useNeutralSender: formData.get('useNeutralSender') === 'on',
  };
}

/** The compose form's buttons (`intent`): save the draft and open its page, or send a test to oneself. */
export async function composeCampaignAction(
  rawLocale: string,
  campaignId: string | null,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const parsed = CampaignDraftSchema.safeParse(campaignDraftInput(formData));
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  let savedId: string;
  try {
    if (formData.get('intent') === 'test') {
      const count = await sendCampaignTestMail(parsed.data, organizer);
      const t = await getTranslations({ locale, namespace: 'campaigns.console' });
      return { ok: true, notice: t('testSent', { email: organizer.email, count }) };
    }
    savedId = await saveCampaign(parsed.data, organizer, campaignId ?? undefined);
  } catch (error) {
    return formStateForError(error, locale, formData);
  }
  revalidatePath(`/${locale}/console/campaigns`);
  redirect(pageOf(locale, savedId));
}

/** The mail as a recipient in `previewLocale` would get it, rendered by the real template. */
export async function previewCampaignAction(values: unknown, previewLocale: string): Promise<{ subject: string; html: string } | null> {
  await requireOrganizerForAction();
  const locale = LocaleSchema.safeParse(previewLocale);
  const draft = CampaignDraftSchema.safeParse(values);
  if (!locale.success || !draft.success) return null;
  const message = await renderCampaignMessage(draft.data, locale.data);
  return { subject: message.subject, html: message.html };
}

/** The live recipient count while the audience is edited; null for an incomplete audience. */
export async function countAudienceAction(values: unknown): Promise<number | null> {
  await requireOrganizerForAction();
  const parsed = AudienceSchema.safeParse(values);
  return parsed.success ? countAudience(parsed.data) : null;
}

function pageOf(locale: string, campaignId: string) {
  return `/${locale}/console/campaigns/${campaignId}`;
}

async function control(
  rawLocale: string,
  formData: FormData,
  run: (campaignId: string, actor: Organizer) => Promise<unknown>,
  wake = false,
) {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const parsed = CampaignIdSchema.safeParse({ campaignId: formData.get('campaignId') ?? '' });
  if (!parsed.success) redirect(`/${locale}/console/campaigns`);
  const page = pageOf(locale, parsed.data.campaignId);
  let problem = '';
  try {
    await run(parsed.data.campaignId, organizer);
    if (wake) await wakeCampaignSender();
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (isStepUpRequired(error)) redirect(verifyPath(locale, page));
    problem = 'campaignStateChanged';
  }
  revalidatePath(page);
  redirect(problem ? `${page}?error=${problem}` : page);
}

export async function sendNowAction(locale: string, formData: FormData) {
  await control(locale, formData, (id, actor) => startCampaign(id, actor), true);
}
export async function pauseAction(locale: string, formData: FormData) {
  await control(locale, formData, pauseCampaign);
}
export async function resumeAction(locale: string, formData: FormData) {
  await control(locale, formData, resumeCampaign, true);
}
export async function cancelAction(locale: string, formData: FormData) {
  await control(locale, formData, cancelCampaign);
}
export async function unscheduleAction(locale: string, formData: FormData) {
  await control(locale, formData, unscheduleCampaign);
}

export async function scheduleAction(rawLocale: string, _state: FormFailure | null, formData: FormData): Promise<FormFailure | null> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const parsed = ScheduleFormSchema.safeParse(formInput(formData));
  if (!parsed.success) return invalidFormState(parsed.error, locale, formData);
  try {
    await scheduleCampaign(parsed.data, organizer);
  } catch (error) {
    if (isStepUpRequired(error)) redirect(verifyPath(locale, pageOf(locale, parsed.data.campaignId)));
    return formStateForError(error, locale, formData);
  }
  revalidatePath(pageOf(locale, parsed.data.campaignId));
  redirect(pageOf(locale, parsed.data.campaignId));
}
