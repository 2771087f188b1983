/**
 * `DocumentSigner`: how every document the system issues gets its detached
 * CAdES signature. Two implementations:
 *
 *  - `builtinSigner` — the key is a PKCS#8 file read by this process and used
 *    by our ГОСТ Р 34.10-2012 code (constant-time scalar multiplication,
 *    `@noble/curves`); for the demo, tests and small installations.
 *  - `commandSigner` — the key never leaves a certified crypto provider: a
 *    configured command line signs the file (OpenSSL with the GOST engine, or
 *    with the pkcs11 engine in front of a Рутокен ЭЦП / JaCarta ГОСТ token,
 *    CryptoPro's `cryptcp`, …). The command gets `{in}` (the file) and `{out}`
 *    (where to write the detached CMS, DER or PEM); it runs without a shell.
 *
 * Whatever signs, `signDocumentFile` checks the result with our verifier
 * before it is used (it must be a valid signature of exactly this file by
 * exactly the configured certificate), then adds an RFC 3161 time-stamp when
 * a TSA is configured (CAdES-T).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import {
  type ParsedCertificate,
  SigningError,
  parseCertificate,
  readPrivateKey,
  signDetached,
  streebog256,
  streebog512,
  timeStampSignature,
  verifyDetached,
} from '../signing/index.js';
import { fromPem } from '../signing/der.js';

export interface SignRequest {
  /** The finished file to sign. */
  path: string;
  /** Its Стрибог digest of the signer's size (`digestBits`), computed while it was written. */
  digest: Buffer;
  /** The signingTime attribute (the built-in signer; an external one uses its own clock). */
  signingTime: Date;
}

export interface DocumentSigner {
  readonly kind: 'builtin' | 'command';
  /** For logs and the health page; never holds a secret. */
  readonly description: string;
  /** The certificate of the signing key. */
  readonly certificate: ParsedCertificate;
  /** 256 or 512: the Стрибог digest its key signs. */
  readonly digestBits: 256 | 512;
  /** A detached CMS signature (DER) of the file. */
  sign(req: SignRequest): Promise<Buffer>;
}

/** The built-in signer: a GOST key in a PKCS#8 file. */
export function builtinSigner(o: { keyPem: string; certPem: string }): DocumentSigner {
  const certificate = parseCertificate(o.certPem);
  const key = readPrivateKey(o.keyPem);
  if (!certificate.publicKey.key || certificate.publicKey.key.curve.bits !== key.curve.bits) {
    throw new SigningError('the signing key and certificate are of different kinds');
  }
  return {
    kind: 'builtin',
    description: `встроенная подпись ГОСТ Р 34.10-2012 (${key.curve.bits} бит), сертификат ${certificate.serialNumber}`,
    certificate,
    digestBits: key.curve.bits,
    async sign(req) {
      return signDetached({ digest: req.digest, keyPem: o.keyPem, certPem: o.certPem, signingTime: req.signingTime });
    },
  };
}

/** Splits a command line into arguments: spaces separate, '…' and "…" quote, \ escapes outside single quotes. No shell. */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
    }
  }
  if (quote) throw new SigningError('SIGNER_COMMAND: an unclosed quote');
  if (has || cur) out.push(cur);
  return out;
}

/**
 * The external signer: runs `command` (split into arguments, `{in}`, `{out}` and `{cert}` replaced)
 * for each file, with a time limit; reads the detached CMS from `{out}`.
 */
export function commandSigner(o: { command: string; certPath: string; timeoutSeconds: number; env?: NodeJS.ProcessEnv }): DocumentSigner {
  const raw = fs.readFileSync(o.certPath);
  const certificate = parseCertificate(raw.includes('-----BEGIN') ? raw.toString('utf8') : raw);
  const argv = splitCommandLine(o.command);
  if (argv.length === 0) throw new SigningError('SIGNER_COMMAND is empty');
  const bits = certificate.publicKey.key?.curve.bits ?? 256;
  return {
    kind: 'command',
    description: `внешний криптопровайдер (${path.basename(argv[0]!)}), сертификат ${certificate.serialNumber}`,
    certificate,
    digestBits: bits,
    async sign(req) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-sign-'));
      const out = path.join(dir, `${crypto.randomBytes(6).toString('hex')}.sig`);
      try {
        const args = argv.map((a) => a.replaceAll('{in}', req.path).replaceAll('{out}', out).replaceAll('{cert}', o.certPath));
        const r = await run(args[0]!, args.slice(1), o.timeoutSeconds * 1000, o.env);
        if (r.code !== 0) {
          throw new SigningError(`the external signer exited with ${r.code === null ? `signal ${r.signal}` : `code ${r.code}`}: ${r.stderr.slice(-500).trim()}`);
        }
        if (!fs.existsSync(out)) throw new SigningError('the external signer wrote no signature to {out}');
        const sig = fs.readFileSync(out);
        const pem = sig.subarray(0, 20).toString('latin1').startsWith('-----BEGIN') ? (fromPem(sig.toString('latin1'))?.der ?? null) : null;
        return pem ?? sig;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs the signer in a process group of its own; past the time limit the whole group is killed. */
function run(cmd: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, ...(env ? { env } : {}) });
    let stderr = '';
    const timer = setTimeout(() => {
      try {
        process.kill(-p.pid!, 'SIGKILL');
      } catch {
        p.kill('SIGKILL');
      }
    }, timeoutMs);
    p.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 8192) stderr += d.toString();
    });
    p.on('error', (e) => {
      clearTimeout(timer);
      reject(new SigningError(`the external signer could not be started: ${e.message}`));
    });
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/** Signs bytes held in memory (a small document, e.g. an audit checkpoint) through any signer: a temporary file for external ones. */
export async function signBytes(signer: DocumentSigner, data: Uint8Array, signingTime: Date, tsp: { url: string; timeoutSeconds: number } | null = null): Promise<SignedFile> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-bytes-'));
  try {
    const file = path.join(dir, 'document');
    fs.writeFileSync(file, data);
    const digest = signer.digestBits === 512 ? streebog512(data) : streebog256(data);
    return await signDocumentFile(signer, { path: file, digest, signingTime }, tsp);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface SignedFile {
  /** The detached CMS (DER), CAdES-BES or, with a TSA, CAdES-T. */
  signature: Buffer;
  /** The TSA's time when time-stamped. */
  timestampedAt: Date | null;
}

/**
 * Signs a finished file with `signer`, checks the signature against the digest and the signer's
 * certificate, and time-stamps it when `tsp` is given. Throws SigningError on any mismatch.
 */
export async function signDocumentFile(
  signer: DocumentSigner,
  req: SignRequest,
  tsp: { url: string; timeoutSeconds: number } | null,
): Promise<SignedFile> {
  let signature = await signer.sign(req);
  const check = await verifyDetached({ digest: req.digest, signature, at: req.signingTime });
  if (!check.valid) throw new SigningError(`the signer produced a signature that does not verify: ${check.reason} ${check.detail ?? ''}`.trim());
  if (check.certificate?.fingerprint !== signer.certificate.fingerprint) {
    throw new SigningError('the signer signed with another certificate than the configured one');
  }
  let timestampedAt: Date | null = null;
  if (tsp) {
    const t = await timeStampSignature(signature, tsp.url, { timeoutMs: tsp.timeoutSeconds * 1000, digestBits: signer.digestBits });
    signature = t.cms;
    timestampedAt = t.info.genTime;
  }
  return { signature, timestampedAt };
}
