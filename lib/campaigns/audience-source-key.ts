import type { AudienceSource } from '@/lib/campaigns/schemas';

/** One audience source as one string ("updates", "petition:<id>"): a checkbox value in the compose form. */
export function audienceSourceKey(source: AudienceSource): string {
  switch (source.type) {
    case 'updates':
      return 'updates';
    case 'petition':
      return `petition:${source.petitionId}`;
    case 'event':
      return `event:${source.eventId}`;
    case 'reform':
      return `reform:${source.reformId}`;
  }
}

/** The source a key names, for AudienceSourceSchema to check (an unknown type fails there). */
export function audienceSourceFromKey(key: string): Record<string, string> {
  const [type = '', id = ''] = key.split(':', 2);
  return type === 'updates' ? { type } : { type, [`${type}Id`]: id };
}
