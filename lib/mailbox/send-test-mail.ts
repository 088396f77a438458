import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { SendTestMailInput } from '@/lib/mailbox/schemas';
import { sendMail } from '@/lib/mailer';
import { maskAddress } from '@/lib/mailer/mail-health';

/** Queues the test message from the console, so an organizer can check mail delivery end to end. */
export async function sendTestMail(input: SendTestMailInput, actor: { id: string; email: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await sendMail({ to: input.email, locale: input.locale, template: 'test-message', props: { requestedBy: actor.email } }, tx);
    // The audit log is not sealed: it says a test went out, and to whom only as mail health shows it.
    await recordAudit({ actorId: actor.id, action: 'mail.test', details: { to: maskAddress(input.email), locale: input.locale } }, tx);
  });
}
