import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody, ErrorCode } from '@relab/shared';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Turns whatever was thrown into `{ statusCode, code, message, details? }`. Internal causes are logged, never sent. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof AppError) {
      return { statusCode: exception.statusCode, code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) };
    }
    // body-parser errors (malformed JSON, oversized body) carry a type; Nest wraps them as the cause of an HttpException
    const parserError = (exception instanceof HttpException && exception.cause ? exception.cause : exception) as { type?: string; status?: number };
    if (parserError?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' };
    }
    if (parserError?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'Request body is not valid JSON' };
    }
    if (parserError?.type && parserError.status && parserError.status < 500) {
      return { statusCode: parserError.status, code: STATUS_TO_CODE[parserError.status] ?? 'VALIDATION_FAILED', message: 'Request body was refused' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        const code = STATUS_TO_CODE[status] ?? 'VALIDATION_FAILED';
        const message = status === 404 ? 'No such route' : exception.message;
        return { statusCode: status, code, message };
      }
    }
    if (exception instanceof QueryFailedError && /ECONNREFUSED|terminat|Connection/i.test(exception.message)) {
      this.logger.error(`database unavailable: ${exception.message}`);
      return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable' };
    }
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`unhandled ${err.name}: ${err.message}`, err.stack);
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side' };
  }
}
