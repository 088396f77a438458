/**
 * Who may call each server action and route handler. tests/auth/authorization-matrix.test.ts finds
 * every one in the source (and e2e/authorization-matrix.spec.ts in the build) and fails on one that is
 * not listed here, so a new action cannot be forgotten; both check that each refuses who it must.
 *
 * - `public`: anyone (supporters' forms, feeds, mailed links; signing out).
 * - `signed-in`: a session that may not have passed its second factor yet (the factor pages).
 * - `organizer`: a session that reaches the console.
 * - `organizer-step-up`: the same, with a second factor within the last 10 minutes.
 * - `organizer-step-up-large`: the same when it reaches more than a handful of people (checked by the
 *   domain function on the count: campaign send and schedule).
 * - `admin`, `admin-step-up`: admins only, likewise.
 */
export type Access = 'public' | 'signed-in' | 'organizer' | 'organizer-step-up' | 'organizer-step-up-large' | 'admin' | 'admin-step-up';

const ORGANIZER = 'app/[locale]/(organizer)';
const CONSOLE = `${ORGANIZER}/console`;
const PUBLIC = 'app/[locale]/(public)';
const LOGIN = 'app/[locale]/(auth)/login';

export const SERVER_ACTIONS: Record<string, Access> = {
  [`${ORGANIZER}/actions.ts#signOutAction`]: 'public',
  [`${CONSOLE}/supporters/actions.ts#tagSupporterAction`]: 'organizer',
  [`${CONSOLE}/supporters/actions.ts#untagSupporterAction`]: 'organizer',
  [`${CONSOLE}/supporters/actions.ts#bulkTagAction`]: 'organizer',
  [`${CONSOLE}/supporters/actions.ts#eraseSupporterAction`]: 'organizer-step-up',
  [`${CONSOLE}/supporters/import/actions.ts#uploadImportAction`]: 'organizer-step-up',
  [`${CONSOLE}/supporters/import/actions.ts#saveImportSettingsAction`]: 'organizer-step-up',
  [`${CONSOLE}/supporters/import/actions.ts#startImportAction`]: 'organizer-step-up',
  [`${CONSOLE}/reforms/actions.ts#saveReformAction`]: 'organizer',
  [`${CONSOLE}/reforms/actions.ts#recordStageAction`]: 'organizer',
  [`${CONSOLE}/mailbox/actions.ts#sendTestMailAction`]: 'organizer',
  [`${CONSOLE}/mail-health/actions.ts#setDiscreetMailAction`]: 'admin-step-up',
  [`${CONSOLE}/mail-health/bounces/actions.ts#liftSuppressionAction`]: 'organizer',
  [`${CONSOLE}/events/actions.ts#saveEventAction`]: 'organizer',
  [`${CONSOLE}/events/actions.ts#transitionEventAction`]: 'organizer',
  [`${CONSOLE}/events/actions.ts#saveEventCampaignAction`]: 'organizer',
  [`${CONSOLE}/events/actions.ts#checkInAction`]: 'organizer',
  [`${CONSOLE}/organizers/actions.ts#inviteOrganizerAction`]: 'admin-step-up',
  [`${CONSOLE}/organizers/actions.ts#removeOrganizerAction`]: 'admin-step-up',
  [`${CONSOLE}/organizers/actions.ts#changeOrganizerRoleAction`]: 'admin-step-up',
  [`${CONSOLE}/organizers/actions.ts#endOrganizerSessionsAction`]: 'admin',
  [`${CONSOLE}/security/actions.ts#removePasskeyAction`]: 'organizer-step-up',
  [`${CONSOLE}/security/actions.ts#removeTotpAction`]: 'organizer-step-up',
  [`${CONSOLE}/security/actions.ts#endSessionAction`]: 'organizer',
  [`${CONSOLE}/security/actions.ts#replaceRecoveryCodesAction`]: 'organizer-step-up',
  [`${CONSOLE}/security/actions.ts#saveSecuritySettingsAction`]: 'admin-step-up',
  [`${CONSOLE}/help/actions.ts#updateHotlinesAction`]: 'organizer',
  [`${CONSOLE}/campaigns/actions.ts#composeCampaignAction`]: 'organizer',
  [`${CONSOLE}/campaigns/actions.ts#previewCampaignAction`]: 'organizer',
  [`${CONSOLE}/campaigns/actions.ts#countAudienceAction`]: 'organizer',
  [`${CONSOLE}/campaigns/actions.ts#sendNowAction`]: 'organizer-step-up-large',
  [`${CONSOLE}/campaigns/actions.ts#pauseAction`]: 'organizer',
  [`${CONSOLE}/campaigns/actions.ts#resumeAction`]: 'organizer',
  [`${CONSOLE}/campaigns/actions.ts#cancelAction`]: 'organizer',
  [`${CONSOLE}/campaigns/actions.ts#unscheduleAction`]: 'organizer',
  [`${CONSOLE}/campaigns/actions.ts#scheduleAction`]: 'organizer-step-up-large',
  [`${CONSOLE}/petitions/actions.ts#savePetitionAction`]: 'organizer',
  [`${CONSOLE}/petitions/actions.ts#transitionAction`]: 'organizer',
  [`${CONSOLE}/petitions/actions.ts#addBlockAction`]: 'organizer',
  [`${CONSOLE}/petitions/actions.ts#removeBlockAction`]: 'organizer',
  ['app/[locale]/(auth)/login/actions.ts#requestSignInLinkAction']: 'public',
  [`${LOGIN}/verify/actions.ts#passkeyOptionsAction`]: 'signed-in',
  [`${LOGIN}/verify/actions.ts#verifyPasskeyAction`]: 'signed-in',
  [`${LOGIN}/verify/actions.ts#verifyTotpAction`]: 'signed-in',
  [`${LOGIN}/verify/actions.ts#recoveryCodeAction`]: 'signed-in',
  [`${LOGIN}/enrol/actions.ts#passkeyCreationOptionsAction`]: 'signed-in',
  [`${LOGIN}/enrol/actions.ts#registerPasskeyAction`]: 'signed-in',
  [`${LOGIN}/enrol/actions.ts#startTotpAction`]: 'signed-in',
  [`${LOGIN}/enrol/actions.ts#confirmTotpAction`]: 'signed-in',
  [`${PUBLIC}/reforms/alerts/actions.ts#subscribeAction`]: 'public',
  [`${PUBLIC}/reforms/alerts/actions.ts#confirmSubscriptionAction`]: 'public',
  [`${PUBLIC}/unsubscribe/actions.ts#unsubscribeAction`]: 'public',
  [`${PUBLIC}/events/[slug]/actions.ts#rsvpAction`]: 'public',
  [`${PUBLIC}/events/rsvp/actions.ts#confirmRsvpAction`]: 'public',
  [`${PUBLIC}/events/rsvp/actions.ts#cancelRsvpAction`]: 'public',
  [`${PUBLIC}/events/rsvp/actions.ts#applyRsvpChangeAction`]: 'public',
  [`${PUBLIC}/events/submit/actions.ts#submitEventAction`]: 'public',
  [`${PUBLIC}/events/submit/actions.ts#verifySubmissionAction`]: 'public',
  [`${PUBLIC}/subscriptions/actions.ts#savePreferencesAction`]: 'public',
  [`${PUBLIC}/petitions/[slug]/actions.ts#confirmSignatureAction`]: 'public',
  [`${PUBLIC}/petitions/[slug]/actions.ts#followReformAction`]: 'public',
  [`${PUBLIC}/petitions/[slug]/actions.ts#withdrawSignatureAction`]: 'public',
};

export const ROUTE_HANDLERS: Record<string, Access> = {
  'app/api/reforms/[slug]/feed.xml/route.ts#GET': 'public',
  'app/api/reforms/feed.xml/route.ts#GET': 'public',
  'app/api/auth/[...nextauth]/route.ts#GET': 'public',
  'app/api/auth/[...nextauth]/route.ts#POST': 'public',
  'app/api/unsubscribe/route.ts#GET': 'public',
  'app/api/unsubscribe/route.ts#POST': 'public',
  'app/api/events/[slug]/attendees/route.ts#GET': 'organizer-step-up',
  'app/api/events/[slug]/ics/route.ts#GET': 'public',
  'app/api/events/feed.ics/route.ts#GET': 'public',
  'app/api/auth-confirm/route.ts#POST': 'public',
  'app/api/health/route.ts#GET': 'public',
  'app/api/petitions/[slug]/route.ts#GET': 'public',
  'app/api/petitions/[slug]/export/route.ts#GET': 'organizer-step-up',
  'app/api/petitions/[slug]/signatures/route.ts#POST': 'public',
  'app/api/console/supporters/[supporterId]/export/route.ts#GET': 'organizer-step-up',
  'app/api/console/imports/[importId]/refused/route.ts#GET': 'organizer-step-up',
  'app/api/console/campaigns/[campaignId]/progress/route.ts#GET': 'organizer',
};
