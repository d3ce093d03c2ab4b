import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/;
const DURATION_UNIT_MS = { ms: 1, s: 1000, m: 60_000 } as const;

/** '500ms', '15s', '1m' or a bare number of milliseconds (as the relay reads its durations), up to `max`. */
function duration(max: { ms: number; text: string }) {
  return z.string().transform((text, ctx) => {
    const match = DURATION.exec(text);
    const ms = match
      ? Math.round(Number(match[1]) * DURATION_UNIT_MS[(match[2] ?? 'ms') as keyof typeof DURATION_UNIT_MS])
      : NaN;
    if (!(ms <= max.ms)) {
      ctx.addIssue({ code: 'custom', message: `must be a duration up to ${max.text}, such as 500ms or 15s` });
      return z.NEVER;
    }
    return ms;
  });
}

/** An origin only (`https://hooks.example.com`): the console and its cookie live at the root path. */
const publicOrigin = z.string().transform((text, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const isOrigin =
    url &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    !url.username &&
    !url.password &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash;
  if (!url || !isOrigin) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an http(s) origin without path, such as https://hooks.example.com',
    });
    return z.NEVER;
  }
  return url.origin;
});

const configSchema = z.object({
  DATABASE_URL: z.url({ message: 'must be a postgres:// connection string' }),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOOKRELAY_ENCRYPTION_KEY: z
    .string({ message: 'is required: 32 random bytes, base64 (e.g. `openssl rand -base64 32`)' })
    .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes, base64-encoded' }),
  HOOKRELAY_BOOTSTRAP_API_KEY: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  HOOKRELAY_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
  HOOKRELAY_BODY_LIMIT: z.string().default('256kb'),
  HOOKRELAY_TARGET_PLUGINS: z.string().optional(),
  /** Above the relay's default request timeout (15 s), so a slow receiver's answer still makes it back. */
  HOOKRELAY_TEST_DELIVERY_WAIT: duration({ ms: 300_000, text: '5m' }).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOOKRELAY_PUBLIC_URL: publicOrigin.optional(),
  HOOKRELAY_CONSOLE_DIR: z.string().optional(),
  HOOKRELAY_SECURE_COOKIES: z
    .enum(['auto', 'true', 'false'], { message: 'must be auto, true or false' })
    .default('auto'),
  HOOKRELAY_TRUST_PROXY: booleanFlag.default(false),
});

/** `auto`: Secure when the request came over https or HOOKRELAY_PUBLIC_URL is https. */
export type SecureCookies = 'auto' | 'always' | 'never';

export interface ApiConfig {
  databaseUrl: string;
  port: number;
  encryptionKey: string;
  bootstrapApiKey: string | undefined;
  allowPrivateTargets: boolean;
  bodyLimit: string;
  logLevel: string;
  /** Comma-separated npm package names of third-party target plugins. */
  targetPlugins: string | undefined;
  /** How long `POST /v1/webhooks/:id/test` waits for the relay's first attempt before answering 202. */
  testDeliveryWaitMs: number;
  /** Origin of the links `POST /v1/console/links` makes; undefined: the request's own origin. */
  publicUrl: string | undefined;
  /** The built console (index.html and assets); undefined: found beside the API (see console-dir.ts). */
  consoleDir: string | undefined;
  secureCookies: SecureCookies;
  /** Believe X-Forwarded-Proto/-Host/-For from the proxy in front (https detection, link origin, logs). */
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment once at start; one line per bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    port: c.PORT,
    encryptionKey: c.HOOKRELAY_ENCRYPTION_KEY,
    bootstrapApiKey: c.HOOKRELAY_BOOTSTRAP_API_KEY,
    allowPrivateTargets: c.HOOKRELAY_ALLOW_PRIVATE_TARGETS,
    bodyLimit: c.HOOKRELAY_BODY_LIMIT,
    logLevel: c.LOG_LEVEL,
    targetPlugins: c.HOOKRELAY_TARGET_PLUGINS,
    testDeliveryWaitMs: c.HOOKRELAY_TEST_DELIVERY_WAIT,
    publicUrl: c.HOOKRELAY_PUBLIC_URL,
    consoleDir: c.HOOKRELAY_CONSOLE_DIR,
    secureCookies: ({ auto: 'auto', true: 'always', false: 'never' } as const)[c.HOOKRELAY_SECURE_COOKIES],
    trustProxy: c.HOOKRELAY_TRUST_PROXY,
  };
}

/** Nest injection token for ApiConfig. */
export const API_CONFIG = Symbol('API_CONFIG');
