/**
 * Configuration, parsed once at start-up into a typed, frozen object.
 * Nothing else in the code base reads `process.env`.
 */
import net from 'node:net';
import path from 'node:path';

export type Role = 'web' | 'worker' | 'all';

export interface Config {
  readonly env: 'production' | 'development' | 'test';
  readonly port: number;
  readonly host: string;
  /** Public base URL, used in links (QR codes, e-mails). */
  readonly publicUrl: string;
  /** External PostgreSQL; when absent an embedded server is started. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly role: Role;
  /** Load the demo into an empty database at start. */
  readonly demo: boolean;
  readonly demoTrips: number;
  /** Hours after a trip finished until it is formed (сформирован). */
  readonly tripFormationHours: number;
  /** Longest statement period, in days. */
  readonly statementMaxDays: number;
  readonly sessionTtlHours: number;
  readonly cookieSecure: boolean;
  readonly workerConcurrency: number;
  readonly jobs: {
    /** A claimed job is held this long without its worker's heartbeat; then another worker takes it over. */
    readonly leaseSeconds: number;
  };
  /** Seconds an upload's body may send nothing before it is cut off with 408. */
  readonly uploadIdleTimeoutSeconds: number;
  readonly signing: {
    readonly keyPath: string | null;
    readonly certPath: string | null;
  };
  readonly trustedCaPaths: readonly string[];
  readonly smtp: {
    readonly url: string | null;
    readonly from: string;
  };
  readonly register: {
    readonly url: string | null;
    readonly token: string | null;
  };
  readonly oidc: {
    readonly issuer: string | null;
    readonly clientId: string | null;
    readonly clientSecret: string | null;
  };
  readonly logLevel: string;
  /**
   * Which proxies' X-Forwarded-For / -Proto / -Host are believed (Fastify's
   * `trustProxy`): false (nobody, the default), a hop count, or addresses/CIDRs.
   */
  readonly trustProxy: false | number | readonly string[];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Неверная настройка ${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}

function optional(env: Env, name: string): string | null {
  const v = env[name];
  return v === undefined || v === '' ? null : v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `ожидается целое число, получено «${raw}»`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `ожидается число от ${min} до ${max}, получено ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `ожидается true или false, получено «${raw}»`);
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `допустимые значения: ${values.join(', ')}; получено «${raw}»`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `не является адресом URL: «${raw}»`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `ожидается адрес со схемой ${protocols.join(' или ')}`);
  }
  return raw;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: off (default), a hop count, or a comma-separated list of addresses, CIDRs and proxy-addr's names. */
function trustProxy(env: Env): false | number | readonly string[] {
  const raw = optional(env, 'TRUST_PROXY')?.trim();
  if (!raw || ['false', 'off', 'no', '0'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `число прокси-серверов от 1 до 10, получено ${hops}`);
    return hops;
  }
  if (['true', 'on', 'yes', '*'].includes(raw.toLowerCase())) {
    throw new ConfigError('TRUST_PROXY', 'доверять заголовкам X-Forwarded-* от кого угодно нельзя: укажите адреса прокси-серверов (через запятую, можно CIDR) или их число');
  }
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of list) {
    if (PROXY_NAMES.includes(item)) continue;
    const [addr, bits, extra] = item.split('/');
    const family = net.isIP(addr);
    const maxBits = family === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined) {
      throw new ConfigError('TRUST_PROXY', `«${item}» не является адресом IP, подсетью CIDR или одним из ${PROXY_NAMES.join(', ')}`);
    }
  }
  return Object.freeze(list);
}

export function parseConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['production', 'development', 'test'] as const, 'development');
  const port = int(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(str(env, 'DATA_DIR', './data'));
  const config: Config = {
    env: nodeEnv,
    port,
    host: str(env, 'HOST', '0.0.0.0'),
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir,
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    role: oneOf(env, 'ROLE', ['web', 'worker', 'all'] as const, 'all'),
    demo: bool(env, 'DEMO', nodeEnv !== 'production'),
    demoTrips: int(env, 'DEMO_TRIPS', 3000, 0, 10_000_000),
    tripFormationHours: int(env, 'TRIP_FORMATION_HOURS', 27, 0, 24 * 30),
    statementMaxDays: int(env, 'STATEMENT_MAX_DAYS', 366, 1, 3660),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    workerConcurrency: int(env, 'WORKER_CONCURRENCY', 2, 1, 64),
    jobs: {
      leaseSeconds: int(env, 'JOB_LEASE_SECONDS', 30, 2, 3600),
    },
    uploadIdleTimeoutSeconds: int(env, 'UPLOAD_IDLE_TIMEOUT_SECONDS', 30, 1, 3600),
    signing: {
      keyPath: optional(env, 'SIGNING_KEY_PATH'),
      certPath: optional(env, 'SIGNING_CERT_PATH'),
    },
    trustedCaPaths: (optional(env, 'TRUSTED_CA_PATHS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    smtp: {
      url: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      from: str(env, 'MAIL_FROM', 'ОССиГ <noreply@ossig.test>'),
    },
    register: {
      url: url(env, 'REGISTER_URL', ['http:', 'https:']),
      token: optional(env, 'REGISTER_TOKEN'),
    },
    oidc: {
      issuer: url(env, 'OIDC_ISSUER', ['http:', 'https:']),
      clientId: optional(env, 'OIDC_CLIENT_ID'),
      clientSecret: optional(env, 'OIDC_CLIENT_SECRET'),
    },
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    trustProxy: trustProxy(env),
  };
  if ((config.signing.keyPath === null) !== (config.signing.certPath === null)) {
    throw new ConfigError(
      config.signing.keyPath === null ? 'SIGNING_KEY_PATH' : 'SIGNING_CERT_PATH',
      'ключ и сертификат подписи задаются вместе',
    );
  }
  return Object.freeze({ ...config, ...overrides });
}
