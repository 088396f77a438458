'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireOrganizerForAction } from '@/lib/auth';
import { cancelCampaign, pauseCampaign, resumeCampaign, unscheduleCampaign } from '@/lib/campaigns/control-campaign';
import { countAudience } from '@/lib/campaigns/count-audience';
import { renderCampaignMessage } from '@/lib/campaigns/render-campaign-message';
import { saveCampaign } from '@/lib/campaigns/save-campaign';
import { scheduleCampaign } from '@/lib/campaigns/schedule-campaign';
import { AudienceSchema, CampaignDraftSchema, CampaignIdSchema, ScheduleCampaignSchema } from '@/lib/campaigns/schemas';
import { sendTestMail } from '@/lib/campaigns/send-test-mail';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { wakeCampaignSender } from '@/lib/campaigns/wake-sender';
import { isAppError } from '@/lib/errors';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { sharedFormErrors } from '@/lib/i18n/field-errors';
import type { AppLocale } from '@/lib/i18n/routing';
import { parseKazakhstanDateTime } from '@/lib/time/kazakhstan';
import { fieldErrorKeys, LocaleSchema, readLocale, type FieldErrors } from '@/lib/validation';

export type DraftResult = { ok: true; campaignId?: string; message?: string } | { ok: false; fieldErrors: FieldErrors };

async function domainError(locale: AppLocale, error: unknown): Promise<DraftResult> {
  if (!isAppError(error)) throw error;
  const t = await getTranslations({ locale, namespace: 'campaigns.console.errors' });
  const key = hasMessage(t, error.messageKey) ? error.messageKey : 'campaignStateChanged';
  return { ok: false, fieldErrors: { form: t(key) } };
}

export async function saveCampaignAction(rawLocale: string, campaignId: string | null, values: unknown): Promise<DraftResult> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const parsed = CampaignDraftSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: sharedFormErrors.translateFieldErrors(fieldErrorKeys(parsed.error), locale) };
  try {
    const id = await saveCampaign(parsed.data, organizer, campaignId ?? undefined);
    revalidatePath(`/${locale}/console/campaigns`);
    return { ok: true, campaignId: id };
  } catch (error) {
    return domainError(locale, error);
  }
}

/** The live recipient count while the audience is edited; null for an incomplete audience. */
export async function countAudienceAction(values: unknown): Promise<number | null> {
  await requireOrganizerForAction();
  const parsed = AudienceSchema.safeParse(values);
  return parsed.success ? countAudience(parsed.data) : null;
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

export async function testSendAction(rawLocale: string, values: unknown): Promise<DraftResult> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const parsed = CampaignDraftSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: sharedFormErrors.translateFieldErrors(fieldErrorKeys(parsed.error), locale) };
  const count = await sendTestMail(parsed.data, organizer);
  const t = await getTranslations({ locale, namespace: 'campaigns.console' });
  return { ok: true, message: t('testSent', { email: organizer.email, count }) };
}

function pageOf(locale: string, campaignId: string) {
  return `/${locale}/console/campaigns/${campaignId}`;
}

async function control(rawLocale: string, formData: FormData, run: (campaignId: string, actor: { id: string }) => Promise<unknown>, wake = false) {
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

export type ScheduleState = { fieldErrors?: FieldErrors };

export async function scheduleAction(rawLocale: string, _previous: ScheduleState, formData: FormData): Promise<ScheduleState> {
  const locale = readLocale(rawLocale);
  const organizer = await requireOrganizerForAction();
  const local = String(formData.get('scheduledAt') ?? '');
  const parsed = ScheduleCampaignSchema.safeParse({
    campaignId: formData.get('campaignId') ?? '',
    scheduledAt: parseKazakhstanDateTime(local) ?? local,
  });
  if (!parsed.success) return { fieldErrors: sharedFormErrors.translateFieldErrors(fieldErrorKeys(parsed.error), locale) };
  try {
    await scheduleCampaign(parsed.data, organizer);
  } catch (error) {
    const result = await domainError(locale, error);
    return { fieldErrors: result.ok ? {} : result.fieldErrors };
  }
  revalidatePath(pageOf(locale, parsed.data.campaignId));
  redirect(pageOf(locale, parsed.data.campaignId));
}
