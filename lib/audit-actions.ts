/**
 * Every action the audit log records, each with the key of its phrase in `console.audit.actions`
 * (the audit page says what happened in words). `recordAudit` accepts only these codes, so a new
 * action needs its phrase in kk, ru and en before it compiles; `lib/audit-actions.test.ts` also
 * reads lib/ for the codes passed to `recordAudit`.
 */
export const AUDIT_ACTIONS = {
  'auth.login': 'authLogin',
  'auth.logout': 'authLogout',
  'auth.second-factor': 'authSecondFactor',
  'organizer.invite': 'organizerInvite',
  'security.settings': 'securitySettings',
  'security.totp.add': 'securityTotpAdd',
  'security.totp.remove': 'securityTotpRemove',
  'security.passkey.add': 'securityPasskeyAdd',
  'security.passkey.remove': 'securityPasskeyRemove',
  'security.recovery-codes': 'securityRecoveryCodes',
  'security.session.end': 'securitySessionEnd',
  'security.sessions.end-all': 'securitySessionsEndAll',
  'security.second-factor.reset': 'securitySecondFactorReset',
  'organizer.role': 'organizerRole',
  'organizer.remove': 'organizerRemove',
  'organizer.admin-created': 'organizerAdminCreated',
  'organizer.admin-promoted': 'organizerAdminPromoted',
  'supporter.view': 'supporterView',
  'supporter.export': 'supporterExport',
  'supporter.erase': 'supporterErase',
  'supporter.tag-bulk': 'supporterTagBulk',
  'import.upload': 'importUpload',
  'import.start': 'importStart',
  'import.finish': 'importFinish',
  'import.refused-download': 'importRefusedDownload',
  'petition.create': 'petitionCreate',
  'petition.update': 'petitionUpdate',
  'petition.open': 'petitionOpen',
  'petition.close': 'petitionClose',
  'petition.reopen': 'petitionReopen',
  'petition.handOver': 'petitionHandOver',
  'petition.respond': 'petitionRespond',
  'petition.export': 'petitionExport',
  'petition.count-repaired': 'petitionCountRepaired',
  'petition.block.add': 'petitionBlockAdd',
  'petition.block.remove': 'petitionBlockRemove',
  'event.create': 'eventCreate',
  'event.update': 'eventUpdate',
  'event.publish': 'eventPublish',
  'event.reject': 'eventReject',
  'event.cancel': 'eventCancel',
  'event.attendees.view': 'eventAttendeesView',
  'event.export-attendees': 'eventExportAttendees',
  'event-campaign.create': 'eventCampaignCreate',
  'event-campaign.update': 'eventCampaignUpdate',
  'reform.create': 'reformCreate',
  'reform.edit': 'reformEdit',
  'reform.stage.record': 'reformStageRecord',
  'reform.stage.edit': 'reformStageEdit',
  'campaign.test-send': 'campaignTestSend',
  'campaign.schedule': 'campaignSchedule',
  'campaign.unschedule': 'campaignUnschedule',
  'campaign.send': 'campaignSend',
  'campaign.pause': 'campaignPause',
  'campaign.resume': 'campaignResume',
  'campaign.cancel': 'campaignCancel',
  'help.hotlines.update': 'helpHotlinesUpdate',
  'mail.test': 'mailTest',
  'mail.discreet': 'mailDiscreet',
  'mail.bounce.lift': 'mailBounceLift',
  'retention.apply': 'retentionApply',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type AuditPhraseKey = (typeof AUDIT_ACTIONS)[AuditAction];

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, code);
}

/** The phrase for a recorded code; null for a code no longer recorded (the page shows the code). */
export function auditPhraseKey(code: string): AuditPhraseKey | null {
  return isAuditAction(code) ? AUDIT_ACTIONS[code] : null;
}
