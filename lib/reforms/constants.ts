import type { ReformStageKind } from '@/lib/generated/prisma/enums';

/** The road of a law, in order; the progress indicator counts steps along it. */
export const STAGE_ROAD = [
  'PROPOSED',
  'DRAFTED',
  'SUBMITTED_TO_GOVERNMENT',
  'MAZHILIS_FIRST_READING',
  'PASSED_MAZHILIS',
  'SENATE',
  'SIGNED',
  'IN_FORCE',
] as const satisfies readonly ReformStageKind[];

/** Ways a law leaves the road before it is in force. */
export const STAGE_EXITS = ['STALLED', 'WITHDRAWN'] as const satisfies readonly ReformStageKind[];

export const STAGES = [...STAGE_ROAD, ...STAGE_EXITS] as const;

/** Topic of mail sent because of a subscription to every reform (also what the preferences page switches). */
export const ALL_REFORMS_TOPIC = 'reforms';

/** Topic of mail sent because of a subscription to one reform; the unsubscribe topic regex allows no colon. */
export function reformTopic(reformId: string): string {
  return `reform-${reformId}`;
}

/** The reform whose alerts a topic written by `reformTopic` is, or null for any other topic. */
export function reformIdOfTopic(topic: string): string | null {
  return topic.startsWith('reform-') ? topic.slice('reform-'.length) || null : null;
}

/** Recorded with the consent of a subscriber; bump when the text beside the form changes. */
export const SUBSCRIBE_CONSENT_VERSION = 'reforms-2025-01';
export const SUBSCRIBE_CONSENT_PURPOSE = 'reform-alerts';

/** A confirmation link works this long. */
export const CONFIRM_TOKEN_TTL_SECONDS = 7 * 24 * 3600;
/** Per address and per email: at most this many subscribe requests per window. */
export const SUBSCRIBE_LIMIT_PER_IP = 20;
export const SUBSCRIBE_LIMIT_PER_EMAIL = 3;
export const SUBSCRIBE_LIMIT_WINDOW_SECONDS = 3600;

/** Fan-out: ledger rows written per statement, and alerts handed to the outbox per transaction. */
export const PREPARE_BATCH = 5000;
export const DRAIN_BATCH = 100;
