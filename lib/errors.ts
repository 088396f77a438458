export type AppErrorCode =
  'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CLOSED' | 'CAPACITY_FULL' | 'RATE_LIMITED' | 'CONFLICT' | 'INVALID';

/** The shared message (in `errors`) for an error that names no key of its own. */
const DEFAULT_MESSAGE_KEY: Record<AppErrorCode, string> = {
  NOT_FOUND: 'notFound',
  FORBIDDEN: 'forbidden',
  UNAUTHENTICATED: 'unauthenticated',
  CLOSED: 'closed',
  CAPACITY_FULL: 'capacityFull',
  RATE_LIMITED: 'rateLimited',
  CONFLICT: 'conflict',
  INVALID: 'generic',
};

export type AppErrorDetails = {
  /** The form field the error belongs beside; none: the form as a whole. */
  field?: string;
  /** The message key, looked up in the capability's `errors` namespace, then in the shared one. */
  messageKey?: string;
};

/**
 * An expected failure of a domain operation, as data: what went wrong (`code`), where (`field`) and
 * what to tell the person (`messageKey`). Forms turn it into localised text (lib/forms/form-state.ts).
 */
export class AppError extends Error {
  readonly field: string | undefined;
  readonly messageKey: string;

  constructor(
    readonly code: AppErrorCode,
    { field, messageKey }: AppErrorDetails = {},
  ) {
    const key = messageKey ?? DEFAULT_MESSAGE_KEY[code];
    super(field ? `${code} (${field}): ${key}` : `${code}: ${key}`);
    this.name = 'AppError';
    this.field = field;
    this.messageKey = key;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
