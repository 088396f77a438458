import { db } from '@/lib/db';
import { verifyToken } from '@/lib/events/tokens';

export type VerifySubmissionResult = 'verified' | 'already-verified' | 'invalid';

/** What the verification page shows on GET (a mail scanner's visit changes nothing). */
export async function findSubmissionByToken(token: string | null | undefined) {
  const id = verifyToken('submission', token);
  if (!id) return null;
  return db.event.findFirst({
    where: { id, submitterEmail: { not: null } },
    select: { id: true, title: true, submitterVerifiedAt: true, status: true },
  });
}

/** The POST behind the verification page's button: the submission joins the moderation queue. */
export async function verifySubmission(token: string, now = new Date()): Promise<VerifySubmissionResult> {
  const id = verifyToken('submission', token);
  if (!id) return 'invalid';
  const { count } = await db.event.updateMany({
    where: { id, status: 'DRAFT', submitterEmail: { not: null }, submitterVerifiedAt: null },
    data: { status: 'PENDING_REVIEW', submitterVerifiedAt: now },
  });
  if (count === 1) return 'verified';
  const exists = await db.event.count({ where: { id, submitterVerifiedAt: { not: null } } });
  return exists ? 'already-verified' : 'invalid';
}
