import { ERROR_CODES, type ErrorCode } from '@relab/shared';

/** The one exception class of RELAB: a code from shared's table, a message for developers, optional details. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.statusCode = ERROR_CODES[code];
  }
}
