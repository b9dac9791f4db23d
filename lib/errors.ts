// One error type for everything the user (or a machine client) should be told. The code, not
// the message, decides the HTTP status and how a form shows it; anything that is not an AppError
// is a bug and is reported as such without leaking its message.

export const ERROR_CODES = [
  "invalid",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "too_large",
  "unsupported_type",
  "rate_limited",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
};

export interface AppErrorDetails {
  /** The form field or input field the error is about. */
  field?: string;
  /** The capability an actor lacked (forbidden). */
  capability?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorDetails;
  constructor(code: ErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const invalid = (message: string, field?: string) =>
  new AppError("invalid", message, field ? { field } : {});
export const notFound = (message: string) => new AppError("not_found", message);
export const conflict = (message: string) => new AppError("conflict", message);
export const tooLarge = (message: string) => new AppError("too_large", message);
export const unsupportedType = (message: string) => new AppError("unsupported_type", message);

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;

export const UNEXPECTED_MESSAGE =
  "Something went wrong and nothing was saved. Try again; if it persists, check the server log.";
