import type { AuditEntryInput } from '@/lib/audit';

/** The audit entry of a change to who may use the console: the organizer's address and role, as they were. */
export function organizerAuditEntry(
  action: 'organizer.invite' | 'organizer.remove',
  actorId: string,
  organizer: { id: string; email: string; role: string },
): AuditEntryInput {
  return { actorId, action, subjectType: 'User', subjectId: organizer.id, details: { email: organizer.email, role: organizer.role } };
}
