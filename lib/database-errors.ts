import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';

/** A unique index refused the write (Prisma P2002): the slug or address is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * What a failed save of a row with a slug tells the person: the slug is taken (beside its field), or
 * the row was deleted since the form opened (Prisma P2025). Anything else is returned as it is, to
 * be rethrown: `catch (error) { throw slugSaveError(error); }`.
 */
export function slugSaveError(error: unknown): unknown {
  if (isUniqueViolation(error)) return new AppError('CONFLICT', { field: 'slug', messageKey: 'slugTaken' });
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return new AppError('NOT_FOUND');
  return error;
}
