import type { DefaultSession } from 'next-auth';
import type { Role } from '@/lib/generated/prisma/enums';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; role: Role } & DefaultSession['user'];
  }
}
