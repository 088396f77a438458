import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';

export type OrganizerListItem = {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  /** next-auth stamps emailVerified at every sign-in, so it is the last sign-in. */
  lastSignInAt: Date | null;
};

export async function listOrganizers(): Promise<OrganizerListItem[]> {
  const users = await db.user.findMany({
    orderBy: [{ role: 'asc' }, { email: 'asc' }],
    select: { id: true, email: true, role: true, createdAt: true, emailVerified: true },
  });
  return users.map(({ emailVerified, ...user }) => ({ ...user, lastSignInAt: emailVerified }));
}

export async function findOrganizerByEmail(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true } });
}
