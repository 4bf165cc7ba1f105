import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { LIMITS } from '@relab/shared';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { EmbeddedPostgres } from './common/db/embedded-postgres.js';
import { requestLogger } from './common/logging/request-logger.js';
import { RelabIoAdapter } from './collab/transport/relab-io.adapter.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export interface RelabServer {
  app: NestExpressApplication;
  config: AppConfig;
  /** Base URL the server listens on (when started with listen). */
  url: string;
  close(): Promise<void>;
}

export interface CreateOptions {
  /** Bind the HTTP port (the process entry point) or not (supertest). */
  listen?: boolean;
  /** Embedded database in memory instead of under the data folder (tests). */
  inMemory?: boolean;
}

/** Builds the whole RELAB server: database (a PostgreSQL server or the embedded one), migrations, API, web app. */
export async function createRelabServer(config: AppConfig, opts: CreateOptions = {}): Promise<RelabServer> {
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(opts.inMemory ? undefined : config.dataDir);
  try {
    const db = { url: config.databaseUrl ?? embedded!.url, embedded: !!embedded };
    const logger = new ConsoleLogger({ json: config.env !== 'development', logLevels: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1) });
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, db), { bodyParser: false, logger });
    configureHttp(app, config);
    const io = new RelabIoAdapter(app, config);
    await io.connect();
    app.useWebSocketAdapter(io);
    app.enableShutdownHooks();
    if (opts.listen) await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      config,
      url: `http://localhost:${port}`,
      async close() {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}

function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'upgrade-insecure-requests': config.secureCookies ? [] : null,
        },
      },
      // invitation tokens travel in URLs: never leak them to other sites
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use(requestLogger);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: LIMITS.maxJsonBodyBytes });

  const openApi = new DocumentBuilder()
    .setTitle('RELAB API')
    .setDescription('Living Labs for the reintegration of returnees and ex-detainees. Session cookie + X-CSRF-Token on state-changing requests.')
    .setVersion('0.1.0')
    .addCookieAuth(config.secureCookies ? '__Host-relab_sid' : 'relab_sid')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });

  const webDist = config.webDist ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');
  if (existsSync(resolve(webDist, 'index.html'))) {
    app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
    // single-page app: every other GET that is not API is the app's index
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io') || req.path === '/metrics') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(resolve(webDist, 'index.html'));
    });
  }
}
