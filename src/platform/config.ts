/**
 * Configuration, parsed once at start-up into a typed, frozen object.
 * Nothing else in the code base reads `process.env`.
 */
import net from 'node:net';
import path from 'node:path';

export type Role = 'web' | 'worker' | 'telemetry' | 'all';

export type StorageConfig =
  | { readonly kind: 'local' }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      /** Key prefix inside the bucket ('' or ending in '/'). */
      readonly prefix: string;
      readonly region: string;
      /** A non-AWS endpoint (MinIO, Ceph, Yandex Object Storage…); path-style addressing is used with it. */
      readonly endpoint: string | null;
      readonly forcePathStyle: boolean;
      /** Null: the SDK's default chain (instance role, profile…). */
      readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | null;
    };

function storage(env: Env): StorageConfig {
  const raw = optional(env, 'S3_URL');
  if (raw === null) {
    if (optional(env, 'S3_ENDPOINT') !== null) throw new ConfigError('S3_URL', 'S3_ENDPOINT задан, а S3_URL (s3://корзина[/префикс]) нет');
    return { kind: 'local' };
  }
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(raw.trim());
  if (!m) throw new ConfigError('S3_URL', `ожидается s3://корзина[/префикс], получено «${raw}»`);
  const prefix = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
  const endpoint = url(env, 'S3_ENDPOINT', ['http:', 'https:']);
  const accessKeyId = optional(env, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = optional(env, 'AWS_SECRET_ACCESS_KEY');
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    throw new ConfigError(accessKeyId === null ? 'AWS_ACCESS_KEY_ID' : 'AWS_SECRET_ACCESS_KEY', 'ключ доступа и секрет задаются вместе');
  }
  return {
    kind: 's3',
    bucket: m[1],
    prefix: prefix ? `${prefix}/` : '',
    region: optional(env, 'AWS_REGION') ?? optional(env, 'AWS_DEFAULT_REGION') ?? 'us-east-1',
    endpoint,
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', endpoint !== null),
    credentials: accessKeyId !== null && secretAccessKey !== null ? { accessKeyId, secretAccessKey } : null,
  };
}

export interface Config {
  readonly env: 'production' | 'development' | 'test';
  readonly port: number;
  readonly host: string;
  /** Public base URL, used in links (QR codes, e-mails). */
  readonly publicUrl: string;
  /** External PostgreSQL; when absent an embedded server is started. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  /**
   * Where the files the system keeps live (statements, uploads, the file store): the local
   * directory DATA_DIR, or an S3-compatible object storage (`S3_URL=s3://bucket[/prefix]`).
   */
  readonly storage: StorageConfig;
  readonly embeddedPgPort: number;
  readonly role: Role;
  /** Load the demo into an empty database at start. */
  readonly demo: boolean;
  readonly demoTrips: number;
  /** Hours after a trip finished until it is formed (сформирован). */
  readonly tripFormationHours: number;
  /** Longest statement period, in days. */
  readonly statementMaxDays: number;
  /**
   * Term of the operator's review of a permit application, in Russian working
   * days, counted from the day after the (re)submission on the production
   * calendar of src/domain/working-days.ts. Default 7: the term of the
   * service's regulation (постановление Правительства Москвы от 26.08.2020
   * № 1387-ПП, раздел 2 «Стандарт предоставления»), taken from memory of the
   * regulation — check it against the version in force and set it here.
   */
  readonly applicationReviewWorkingDays: number;
  /** Days before a report's deadline when the reminder (task and notice) comes (REPORT_REMINDER_DAYS). */
  readonly reportReminderDays: number;
  readonly sessionTtlHours: number;
  /** The trackers' receiver (ROLE=telemetry, and a child process of ROLE=all). */
  readonly telemetry: {
    /** TCP port for EGTS and Wialon IPS (told apart by the first byte); 0 = any free port. */
    readonly port: number;
    /** Days the raw packets are kept (for disputes). */
    readonly rawRetentionDays: number;
    /** Digital input (1–8) of the tracker that reports the body raised. */
    readonly bodyInput: number;
    /** Longest wait before a batch of points is written (ms); packets are answered once their batch is stored. */
    readonly flushMs: number;
  };
  readonly cookieSecure: boolean;
  readonly workerConcurrency: number;
  readonly jobs: {
    /** A claimed job is held this long without its worker's heartbeat; then another worker takes it over. */
    readonly leaseSeconds: number;
  };
  /** Seconds an upload's body may send nothing before it is cut off with 408. */
  readonly uploadIdleTimeoutSeconds: number;
  readonly signing: {
    /** The operator's GOST key (PKCS#8 PEM) for the built-in signer. */
    readonly keyPath: string | null;
    /** The operator's certificate (PEM): with keyPath, or with the external signer's command. */
    readonly certPath: string | null;
    /**
     * External signer: a command line that signs `{in}` into `{out}` (detached CMS, DER or PEM) with a
     * key that stays in a certified provider (OpenSSL with a GOST engine or PKCS#11 token, CryptoPro `cryptcp`).
     */
    readonly command: string | null;
    readonly commandTimeoutSeconds: number;
  };
  /** RFC 3161 time-stamp authority: when set, signatures carry a time-stamp (CAdES-T). */
  readonly tsp: {
    readonly url: string | null;
    readonly timeoutSeconds: number;
  };
  /** The operator's support contacts, printed on every document and shown in the cabinet. */
  readonly support: {
    readonly phone: string | null;
    readonly email: string | null;
  };
  /**
   * The base map under trips' tracks and sites' boundaries (raster tiles drawn by Leaflet in the cabinet):
   * a tile URL template with {z}/{x}/{y} (and optionally {s}, {r}) and its attribution (HTML). The tracks
   * and boundaries are drawn whether or not the tiles load.
   */
  readonly map: {
    readonly tileUrl: string;
    readonly attribution: string;
    /** Subdomains put in {s} (MAP_TILE_SUBDOMAINS, comma-separated); empty when the template has none. */
    readonly subdomains: readonly string[];
    readonly maxZoom: number;
  };
  readonly trustedCaPaths: readonly string[];
  readonly smtp: {
    readonly url: string | null;
    readonly from: string;
  };
  /** The SMS gateway (confirmation codes to phones): JSON `{to, text}` POSTed to the URL; none — SMS stay in the outbox. */
  readonly sms: {
    readonly url: string | null;
    readonly token: string | null;
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

function phone(env: Env, name: string): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  const v = raw.trim();
  if (!/^\+?[0-9 ()\-]{5,30}$/.test(v) || (v.match(/\d/g) ?? []).length < 5) {
    throw new ConfigError(name, `ожидается номер телефона (цифры, пробелы, +, скобки, дефисы), получено «${raw}»`);
  }
  return v;
}

function email(env: Env, name: string): string | null {
  const raw = optional(env, name);
  if (raw === null) return null;
  const v = raw.trim();
  if (!/^[^@\s<>"]{1,64}@[^@\s<>"]{1,190}\.[^@\s<>".]{2,}$/.test(v)) throw new ConfigError(name, `ожидается адрес электронной почты, получено «${raw}»`);
  return v;
}

export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_MAP_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">участники OpenStreetMap</a>';

function mapTiles(env: Env): Config['map'] {
  const tileUrl = str(env, 'MAP_TILE_URL', DEFAULT_MAP_TILE_URL).trim();
  for (const part of ['{z}', '{x}', '{y}']) {
    if (!tileUrl.includes(part)) throw new ConfigError('MAP_TILE_URL', `шаблон адреса плиток должен содержать ${part}, например ${DEFAULT_MAP_TILE_URL}; получено «${tileUrl}»`);
  }
  let parsed: URL;
  try {
    parsed = new URL(tileUrl.replace(/\{s\}/g, 'a').replace(/\{[a-z]+\}/g, '0'));
  } catch {
    throw new ConfigError('MAP_TILE_URL', `не является адресом URL: «${tileUrl}»`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError('MAP_TILE_URL', 'ожидается адрес со схемой http: или https:');
  const subdomains = tileUrl.includes('{s}')
    ? (optional(env, 'MAP_TILE_SUBDOMAINS') ?? 'a,b,c')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  for (const s of subdomains) if (!/^[a-z0-9-]{1,63}$/i.test(s)) throw new ConfigError('MAP_TILE_SUBDOMAINS', `«${s}» не годится как имя поддомена`);
  return Object.freeze({
    tileUrl,
    attribution: str(env, 'MAP_TILE_ATTRIBUTION', tileUrl === DEFAULT_MAP_TILE_URL ? DEFAULT_MAP_ATTRIBUTION : ''),
    subdomains: Object.freeze(subdomains),
    maxZoom: int(env, 'MAP_MAX_ZOOM', 19, 1, 22),
  });
}

/**
 * Where the cabinet loads map tiles from, for the Content-Security-Policy's img-src: the template's origin
 * ({s} becomes a wildcard subdomain).
 */
export function mapTileSource(map: Config['map']): string {
  const u = new URL(map.tileUrl.replace(/\{s\}/g, 'tile-subdomain').replace(/\{[a-z]+\}/g, '0'));
  return `${u.protocol}//${u.host.replace('tile-subdomain', '*')}`;
}

/**
 * The environment of a child process we start (the worker of `npm start`, a benchmark's server,
 * an external signer): ours, with the given variables set.
 */
export function childEnv(overrides: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/**
 * Switches read before any configuration is parsed, by modules loaded at import time.
 * OSSIG_STREEBOG_JS=1: hash Стрибог in plain JavaScript instead of WebAssembly (to compare the two).
 */
export const EARLY_SWITCHES = {
  streebogJsOnly: process.env.OSSIG_STREEBOG_JS === '1',
} as const;

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
    storage: storage(env),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    role: oneOf(env, 'ROLE', ['web', 'worker', 'telemetry', 'all'] as const, 'all'),
    demo: bool(env, 'DEMO', nodeEnv !== 'production'),
    demoTrips: int(env, 'DEMO_TRIPS', 3000, 0, 10_000_000),
    tripFormationHours: int(env, 'TRIP_FORMATION_HOURS', 27, 0, 24 * 30),
    statementMaxDays: int(env, 'STATEMENT_MAX_DAYS', 366, 1, 3660),
    applicationReviewWorkingDays: int(env, 'APPLICATION_REVIEW_WORKING_DAYS', 7, 1, 60),
    reportReminderDays: int(env, 'REPORT_REMINDER_DAYS', 5, 1, 60),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90),
    telemetry: {
      port: int(env, 'TELEMETRY_PORT', 5020, 0, 65535),
      rawRetentionDays: int(env, 'TELEMETRY_RAW_DAYS', 90, 1, 3660),
      bodyInput: int(env, 'TELEMETRY_BODY_INPUT', 1, 1, 8),
      flushMs: int(env, 'TELEMETRY_FLUSH_MS', 200, 10, 5000),
    },
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    workerConcurrency: int(env, 'WORKER_CONCURRENCY', 2, 1, 64),
    jobs: {
      leaseSeconds: int(env, 'JOB_LEASE_SECONDS', 30, 2, 3600),
    },
    uploadIdleTimeoutSeconds: int(env, 'UPLOAD_IDLE_TIMEOUT_SECONDS', 30, 1, 3600),
    signing: {
      keyPath: optional(env, 'SIGNING_KEY_PATH'),
      certPath: optional(env, 'SIGNING_CERT_PATH'),
      command: optional(env, 'SIGNER_COMMAND'),
      commandTimeoutSeconds: int(env, 'SIGNER_TIMEOUT_SECONDS', 60, 1, 3600),
    },
    tsp: {
      url: url(env, 'TSP_URL', ['http:', 'https:']),
      timeoutSeconds: int(env, 'TSP_TIMEOUT_SECONDS', 15, 1, 300),
    },
    support: {
      phone: phone(env, 'SUPPORT_PHONE') ?? (nodeEnv === 'production' ? null : '+7 (495) 000-00-00'),
      email: email(env, 'SUPPORT_EMAIL') ?? (nodeEnv === 'production' ? null : 'support@ossig.test'),
    },
    map: mapTiles(env),
    trustedCaPaths: (optional(env, 'TRUSTED_CA_PATHS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    smtp: {
      url: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      from: str(env, 'MAIL_FROM', 'ОССиГ <noreply@ossig.test>'),
    },
    sms: {
      url: url(env, 'SMS_GATEWAY_URL', ['http:', 'https:']),
      token: optional(env, 'SMS_GATEWAY_TOKEN'),
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
  const { keyPath, certPath, command } = config.signing;
  if (keyPath !== null && command !== null) {
    throw new ConfigError('SIGNER_COMMAND', 'задайте либо SIGNING_KEY_PATH (встроенная подпись), либо SIGNER_COMMAND (внешний криптопровайдер), но не оба');
  }
  if (command !== null) {
    if (!command.includes('{in}') || !command.includes('{out}')) {
      throw new ConfigError('SIGNER_COMMAND', 'команда должна содержать {in} (подписываемый файл) и {out} (куда записать подпись)');
    }
    if (certPath === null) throw new ConfigError('SIGNING_CERT_PATH', 'для внешней подписи (SIGNER_COMMAND) нужен сертификат ключа оператора');
  } else if ((keyPath === null) !== (certPath === null)) {
    throw new ConfigError(keyPath === null ? 'SIGNING_KEY_PATH' : 'SIGNING_CERT_PATH', 'ключ и сертификат подписи задаются вместе');
  }
  if (nodeEnv === 'production') {
    // Production refuses to pretend: no generated test key, no links to localhost, no demo.
    if (certPath === null) {
      throw new ConfigError(
        'SIGNING_KEY_PATH',
        'в рабочем режиме (NODE_ENV=production) нужен ключ подписи информационного оператора: задайте SIGNING_KEY_PATH и SIGNING_CERT_PATH ' +
          'или SIGNER_COMMAND и SIGNING_CERT_PATH (ключ в сертифицированном криптопровайдере); тестовый ключ в рабочем режиме не создаётся',
      );
    }
    if (optional(env, 'PUBLIC_URL') === null) {
      throw new ConfigError('PUBLIC_URL', 'в рабочем режиме (NODE_ENV=production) обязателен: адрес, по которому QR-коды документов и письма ведут пользователей, например https://ossig.example.ru');
    }
    const host = new URL(config.publicUrl).hostname;
    if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0') {
      throw new ConfigError('PUBLIC_URL', `в рабочем режиме ссылки в документах не могут вести на ${host}: укажите адрес, открытый пользователям`);
    }
    if (config.demo) throw new ConfigError('DEMO', 'в рабочем режиме (NODE_ENV=production) демо-данные не загружаются');
  }
  return Object.freeze({ ...config, ...overrides });
}
