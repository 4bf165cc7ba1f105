import { z } from 'zod';
import { LANGUAGES } from '@relab/shared';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (def: number, min = 1) => z.coerce.number().int().min(min).default(def);

/** Every environment variable RELAB reads, parsed once at boot. Only this folder reads process.env. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  RELAB_DATA_DIR: z.string().default('./.relab'),
  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).default('relab'),
  RELAB_DEMO: bool.default(true),
  RELAB_DEMO_PASSWORD: z.string().min(8).optional(),
  RELAB_WEB_DIST: z.string().optional(),
  RELAB_DEFAULT_LANGUAGE: z.enum(LANGUAGES).default('nl'),
  SESSION_IDLE_MINUTES: int(60),
  SESSION_ABSOLUTE_HOURS: int(12),
  PARTICIPANT_SESSION_DAYS: int(90),
  LOGIN_MAX_FAILURES: int(5),
  LOGIN_MAX_PER_IP: int(100),
  CODE_ATTEMPTS_PER_IP: int(30),
  RATE_WINDOW_MINUTES: int(15),
  TRUST_PROXY: bool.default(false),
  COLLAB_UNLOAD_DELAY_MS: int(10_000, 0),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** AES-256 key for the reflections' pseudonym keys: 32 bytes, base64. Without it, one is kept in RELAB_DATA_DIR. */
  RELAB_REFLECTION_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes in base64 (openssl rand -base64 32)' })
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string;
  /** True when served over HTTPS: cookies become `Secure` and `__Host-` prefixed. */
  secureCookies: boolean;
  databaseUrl?: string;
  dataDir: string;
  redisUrl?: string;
  /** Prefix of RELAB's Redis channels (several deployments or test runs can share one Redis). */
  redisPrefix: string;
  demo: { enabled: boolean; password?: string };
  webDist?: string;
  defaultLanguage: Env['RELAB_DEFAULT_LANGUAGE'];
  session: { idleMs: number; absoluteMs: number; participantMs: number };
  rateLimit: { loginMaxFailures: number; loginMaxPerIp: number; codeAttemptsPerIp: number; windowSeconds: number };
  trustProxy: boolean;
  /** Collaboration core: how long a document without clients stays in memory. */
  collab: { unloadDelayMs: number };
  logLevel: Env['LOG_LEVEL'];
  /** The configured key for reflection keys (base64), or undefined to use the one kept in the data folder. */
  reflectionKey?: string;
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.RELAB_REFLECTION_KEY) {
    // several processes on several machines must share one key; a key per data folder would split them
    throw new ConfigError('Invalid configuration:\n  RELAB_REFLECTION_KEY: required in production with DATABASE_URL');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RELAB_DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    demo: { enabled: e.RELAB_DEMO, password: e.RELAB_DEMO_PASSWORD },
    webDist: e.RELAB_WEB_DIST,
    defaultLanguage: e.RELAB_DEFAULT_LANGUAGE,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      participantMs: e.PARTICIPANT_SESSION_DAYS * 86_400_000,
    },
    rateLimit: {
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginMaxPerIp: e.LOGIN_MAX_PER_IP,
      codeAttemptsPerIp: e.CODE_ATTEMPTS_PER_IP,
      windowSeconds: e.RATE_WINDOW_MINUTES * 60,
    },
    trustProxy: e.TRUST_PROXY,
    collab: { unloadDelayMs: e.COLLAB_UNLOAD_DELAY_MS },
    logLevel: e.LOG_LEVEL,
    reflectionKey: e.RELAB_REFLECTION_KEY,
  };
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
