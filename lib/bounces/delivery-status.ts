import { simpleParser } from 'mailparser';

/*
 * Delivery status notifications (RFC 3464). mailparser takes the MIME apart; the
 * message/delivery-status part is a block of per-message fields, then one block per recipient,
 * each a header section (RFC 5322 folding) separated by blank lines. Only the fields that decide a
 * bounce are read, and only when they are well formed.
 */

export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

export type RecipientStatus = {
  action: DsnAction;
  /** RFC 3463 status code, e.g. 5.1.1. */
  status: string;
  /** The address part of Final-Recipient (rfc822 type only). */
  finalRecipient: string | null;
  diagnostic: string | null;
};

const ACTIONS = new Set<string>(['failed', 'delayed', 'delivered', 'relayed', 'expanded']);
const STATUS = /^([245])\.(\d{1,3})\.(\d{1,3})$/;
const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);

/** The header blocks of a delivery-status body: lowercase field name → unfolded value. */
export function parseDeliveryStatusFields(body: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const fields = new Map<string, string>();
    let last: string | null = null;
    for (const line of block.split('\n')) {
      if (line.trim() === '') continue;
      if (/^[ \t]/.test(line)) {
        // A folded continuation of the field before it.
        if (last) fields.set(last, `${fields.get(last)} ${line.trim()}`);
        continue;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!/^[a-z0-9-]+$/.test(name)) continue;
      // A field given twice keeps its first value.
      if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
      last = name;
    }
    if (fields.size > 0) blocks.push(fields);
  }
  return blocks;
}

/** `type; value` fields (Final-Recipient, Diagnostic-Code): the value when the type is one we read. */
function typedValue(field: string | undefined, types: string[]): string | null {
  if (!field) return null;
  const semicolon = field.indexOf(';');
  if (semicolon < 0) return null;
  const type = field.slice(0, semicolon).trim().toLowerCase();
  const value = field.slice(semicolon + 1).trim();
  return types.includes(type) && value ? value : null;
}

/** The per-recipient statuses of a delivery-status body; blocks without a valid Action and Status are left out. */
export function recipientStatuses(body: string): RecipientStatus[] {
  const [, ...perRecipient] = parseDeliveryStatusFields(body);
  const statuses: RecipientStatus[] = [];
  for (const fields of perRecipient) {
    const action = fields.get('action')?.toLowerCase().split(/\s/)[0] ?? '';
    const status = /^\S+/.exec(fields.get('status') ?? '')?.[0] ?? '';
    if (!ACTIONS.has(action) || !STATUS.test(status)) continue;
    const finalRecipient = typedValue(fields.get('final-recipient'), ['rfc822', 'utf-8']);
    statuses.push({
      action: action as DsnAction,
      status,
      finalRecipient: finalRecipient ? finalRecipient.replace(/^<|>$/g, '') : null,
      diagnostic: typedValue(fields.get('diagnostic-code'), ['smtp', 'x-postfix', 'x-unix']) ?? fields.get('diagnostic-code') ?? null,
    });
  }
  return statuses;
}

/** The recipient statuses of a multipart/report; report-type=delivery-status message, or null for any other mail. */
export async function parseDeliveryStatusNotification(raw: Buffer): Promise<RecipientStatus[] | null> {
  const parsed = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipHtmlToText: true,
    skipImageLinks: true,
    skipTextLinks: true,
  }).catch(() => null);
  if (!parsed) return null;
  const contentType = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value?.toLowerCase() !== 'multipart/report') return null;
  if (contentType.params?.['report-type']?.toLowerCase() !== 'delivery-status') return null;
  const part = parsed.attachments.find((attachment) => STATUS_PARTS.has(attachment.contentType.toLowerCase()));
  return part ? recipientStatuses(part.content.toString('utf8')) : null;
}

/** The same text with every address in it replaced, so a diagnostic can be kept. */
export function redactAddresses(text: string): string {
  return text.replace(/<?[^\s<>@"';,]+@[^\s<>@"';,]+>?/g, '<address>');
}
