import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('HTTP');

/**
 * One structured line per API request: method, route pattern, status, duration.
 * Never the URL itself (join codes and tokens travel in it), never IPs, bodies or e-mail addresses.
 */
export function requestLogger(req: Request, res: Response, next: NextFunction): void {
  if (!req.path.startsWith('/api')) return next();
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const route = (req.route as { path?: string } | undefined)?.path ?? '(unmatched)';
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.log(`${req.method} ${route} ${res.statusCode} ${Math.round(ms * 10) / 10}ms`);
  });
  next();
}
