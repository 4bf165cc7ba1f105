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
  VERSION_NOT_FOUND: 404,
  DOC_NOT_FOUND: 404,
  REFLECTION_NOT_FOUND: 404,
  SECTION_NOT_FOUND: 404,
  REFLECTION_WRONG_STATUS: 409,
  REFLECTION_HAS_DETECTIONS: 422,
  REVIEWER_INVALID: 422,
  REFLECTION_TOO_LARGE: 413,
  BOARD_NOT_FOUND: 404,
  VOTE_ROUND_CLOSED: 409,
  NO_VOTES_LEFT: 409,
  SHAPE_NOT_FOUND: 404,
  DIALOGUE_NOT_FOUND: 404,
  MESSAGE_NOT_FOUND: 404,
  /** The dialogue is paused by a moderator; details.reason may say why. */
  DIALOGUE_PAUSED: 409,
  /** Slow mode: details.retryAfterSeconds. */
  SLOW_MODE: 429,
  /** A watched word set to "block"; details.words lists them. */
  MESSAGE_BLOCKED: 422,
  /** The same client id was already used for a different message. */
  CLIENT_ID_REUSED: 409,
  /** Accept the current ground rules first (details.version). */
  CONSENT_REQUIRED: 428,
  /** The consent was for an older version of the ground rules. */
  GROUND_RULES_OUTDATED: 409,
  MODERATION_NOT_ALLOWED: 409,
  SESSION_NOT_FOUND: 404,
  AGENDA_ITEM_NOT_FOUND: 404,
  SESSION_WRONG_STATUS: 409,
  /** An agenda item points at a reflection, board or dialogue that is not in this lab. */
  AGENDA_REF_INVALID: 422,
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
