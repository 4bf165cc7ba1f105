/**
 * The one table of user-facing error codes: each maps to exactly one HTTP status.
 * The web translates codes (never server messages) into the user's language.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_ID: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  LAB_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  INVITATION_NOT_FOUND: 404,
  INVITATION_EXPIRED: 410,
  INVITATION_USED: 410,
  INVITATION_REVOKED: 410,
  EMAIL_TAKEN: 409,
  ALREADY_MEMBER: 409,
  LAST_FACILITATOR: 409,
  WRONG_ACCOUNT_KIND: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_IDS = Object.keys(ERROR_CODES) as ErrorCode[];

/** Body of every error response of the API. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}
