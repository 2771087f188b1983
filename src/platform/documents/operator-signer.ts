/**
 * The information operator's signer: the `DocumentSigner` every document is
 * signed with, its certificate, and the certificates our own signatures
 * must chain to.
 *
 * Configured (production requires it; see config.ts):
 *  - SIGNING_KEY_PATH + SIGNING_CERT_PATH: the built-in signer with a PKCS#8 GOST key;
 *  - SIGNER_COMMAND + SIGNING_CERT_PATH: an external signer (the key stays in a certified provider).
 * Demo and development (nothing configured): a test CA and an operator
 * certificate are created once under `<DATA_DIR>/pki/operator/` — the subject carries
 * the operator organization's ИНН ЮЛ and ОГРН under their Russian OIDs. The
 * directory appears atomically (written aside, then renamed), so several
 * processes starting at once end up with one key.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import {
  createCertificateAuthority,
  issueEndEntityCertificate,
  parseCertificate,
  type ParsedCertificate,
} from '../signing/index.js';
import { builtinSigner, commandSigner, type DocumentSigner } from './signer.js';

export interface OperatorSigner {
  signer: DocumentSigner;
  certificate: ParsedCertificate;
  /** Certificates a signature of ours must chain to (the test CA, configured CAs, the operator certificate itself). */
  trusted: ParsedCertificate[];
  /** Where the key is: a configured key file, an external provider, or the generated test PKI (never in production). */
  source: 'config' | 'command' | 'test-pki';
}

const cache = new Map<string, Promise<OperatorSigner>>();

export const OPERATOR_FALLBACK = {
  name: 'Государственное казённое учреждение города Москвы «Информационный оператор ОССиГ»',
  inn: '7701000014',
  ogrn: '1027700000012',
};

function cacheKey(ctx: AppContext): string {
  const s = ctx.config.signing;
  if (s.command) return `cmd:${s.command}:${s.certPath}`;
  return s.keyPath ? `cfg:${s.keyPath}:${s.certPath}` : `pki:${pkiDir(ctx)}`;
}

/** `<DATA_DIR>/pki/operator/` (pki/ itself is shared with the identity feature's demo certificates). */
export function pkiDir(ctx: Pick<AppContext, 'config'>): string {
  return path.join(ctx.config.dataDir, 'pki', 'operator');
}

/** The operator signer (cached per process). Creates the test PKI when no key is configured. */
export function operatorSigner(ctx: AppContext): Promise<OperatorSigner> {
  const key = cacheKey(ctx);
  let p = cache.get(key);
  if (!p) {
    p = load(ctx);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export class OperatorKeyError extends Error {
  override readonly name = 'OperatorKeyError';
}

async function load(ctx: AppContext): Promise<OperatorSigner> {
  try {
    return await loadUnchecked(ctx);
  } catch (e) {
    throw new OperatorKeyError(`Ключ или сертификат подписи оператора недоступен: ${(e as Error).message}`);
  }
}

async function loadUnchecked(ctx: AppContext): Promise<OperatorSigner> {
  const extraTrusted = ctx.config.trustedCaPaths.map((p) => {
    const raw = fs.readFileSync(p);
    return parseCertificate(raw.includes('-----BEGIN') ? raw.toString('utf8') : raw);
  });
  const s = ctx.config.signing;
  if (s.command && s.certPath) {
    const signer = commandSigner({ command: s.command, certPath: s.certPath, timeoutSeconds: s.commandTimeoutSeconds });
    return { signer, certificate: signer.certificate, trusted: [signer.certificate, ...extraTrusted], source: 'command' };
  }
  if (s.keyPath && s.certPath) {
    const signer = builtinSigner({ keyPem: fs.readFileSync(s.keyPath, 'utf8'), certPem: fs.readFileSync(s.certPath, 'utf8') });
    return { signer, certificate: signer.certificate, trusted: [signer.certificate, ...extraTrusted], source: 'config' };
  }
  // Defence in depth: config.ts already refuses a production start without a key.
  if (ctx.config.env === 'production') throw new Error('в рабочем режиме тестовый ключ подписи не создаётся: задайте SIGNING_KEY_PATH или SIGNER_COMMAND');
  await ensureTestPki(ctx);
  const dir = pkiDir(ctx);
  const keyPem = fs.readFileSync(path.join(dir, 'operator.key'), 'utf8');
  const certPem = fs.readFileSync(path.join(dir, 'operator.crt'), 'utf8');
  const ca = parseCertificate(fs.readFileSync(path.join(dir, 'ca.crt'), 'utf8'));
  const signer = builtinSigner({ keyPem, certPem });
  return { signer, certificate: signer.certificate, trusted: [ca, signer.certificate, ...extraTrusted], source: 'test-pki' };
}

/** Creates `<DATA_DIR>/pki/{ca.crt,ca.key,operator.crt,operator.key}` unless present. Returns true when created. */
export async function ensureTestPki(ctx: AppContext): Promise<boolean> {
  const dir = pkiDir(ctx);
  if (fs.existsSync(path.join(dir, 'operator.crt'))) return false;
  const op = await ctx.db
    .selectFrom('organizations')
    .select(['name', 'short_name', 'inn', 'ogrn'])
    .where(sql<boolean>`'operator' = any(roles)`)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
    .catch(() => undefined);
  // X.520 limits organizationName to 64 characters: the short name when the full one is longer.
  const fullName = op?.name ?? OPERATOR_FALLBACK.name;
  const name = fullName.length <= 64 ? fullName : (op?.short_name ?? fullName.slice(0, 64));
  const innLe = op?.inn && /^\d{10}$/.test(op.inn) ? op.inn : OPERATOR_FALLBACK.inn;
  const ogrn = op?.ogrn && /^\d{13}$/.test(op.ogrn) ? op.ogrn : OPERATOR_FALLBACK.ogrn;

  const now = Date.now();
  const ca = createCertificateAuthority({
    subject: { commonName: 'Тестовый удостоверяющий центр ОССиГ', organization: 'ОССиГ (тестовая среда)', country: 'RU', locality: 'Москва' },
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 10 * 365 * 86_400_000),
  });
  const operator = issueEndEntityCertificate({
    ca: { certPem: ca.certPem, keyPem: ca.keyPem },
    subject: {
      commonName: 'ГКУ «Информационный оператор ОССиГ»',
      organization: name,
      country: 'RU',
      locality: 'Москва',
      innLe,
      ogrn,
    },
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 3 * 365 * 86_400_000),
  });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(tmp, 'ca.crt'), ca.certPem);
  fs.writeFileSync(path.join(tmp, 'ca.key'), ca.keyPem, { mode: 0o600 });
  fs.writeFileSync(path.join(tmp, 'operator.crt'), operator.certPem);
  fs.writeFileSync(path.join(tmp, 'operator.key'), operator.keyPem, { mode: 0o600 });
  try {
    fs.renameSync(tmp, dir);
    return true;
  } catch (e) {
    // Another process won the race (or an empty pki/ existed): keep theirs.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, 'operator.crt'))) {
      if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) {
        fs.rmdirSync(dir);
        return ensureTestPki(ctx);
      }
      throw e;
    }
    return false;
  }
}

/** The person-readable owner of a certificate: CN, organization. */
export function certificateOwner(c: ParsedCertificate): string {
  const s = c.subject;
  return [s.commonName, s.organization && s.organization !== s.commonName ? s.organization : null].filter(Boolean).join(', ');
}

/** Demo step (AFTER_DEMO_SEED): the operator's test certificate, with the demo operator's ИНН ЮЛ and ОГРН. */
export async function operatorKeyDemoHook(ctx: AppContext, info: { log: (line: string) => void }): Promise<void> {
  if (ctx.config.signing.keyPath || ctx.config.signing.command || ctx.config.env === 'production') return;
  if (await ensureTestPki(ctx)) info.log(`тестовый сертификат информационного оператора создан: ${path.join(pkiDir(ctx), 'operator.crt')}`);
}
