export type AppErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CLOSED'
  | 'CAPACITY_FULL'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'INVALID';

/** An expected failure of a domain operation; the UI maps `code` to a localised message. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
