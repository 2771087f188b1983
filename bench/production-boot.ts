/**
 * A production-style system for a benchmark: its own database (a fresh one beside DATABASE_URL when it is
 * set, the embedded PostgreSQL otherwise) and its own data folder, and — since production refuses to start
 * without a key and PUBLIC_URL — a test CA with an operator key. `close()` stops it and removes both.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { createCertificateAuthority, issueEndEntityCertificate } from '../src/platform/signing/index.js';

/** A fresh database beside `base` for one benchmark run (null without `base`: the embedded PostgreSQL serves). */
export async function scratchDatabase(label: string, base: string | undefined): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (!base) return null;
  const name = `ossig_bench_${label}_${process.pid}_${Date.now() % 1e6}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function bootProductionBench(label: string, env: Record<string, string | undefined> = process.env) {
  const stamp = `${Date.now()}-${process.pid}`;
  const dataDir = path.resolve(`.tmp/bench-${label}-${stamp}`);
  const scratch = await scratchDatabase(label, env.DATABASE_URL);
  const dbUrl = scratch?.url;
  const pki = path.join(dataDir, 'bench-pki');
  fs.mkdirSync(pki, { recursive: true });
  const ca = createCertificateAuthority({ subject: { commonName: 'УЦ бенчмарка', country: 'RU' } });
  const op = issueEndEntityCertificate({ ca, subject: { commonName: 'ГКУ «Информационный оператор ОССиГ»', organization: 'ГКУ «ИО ОССиГ»', country: 'RU', innLe: '7701000014', ogrn: '1027700000012' } });
  fs.writeFileSync(path.join(pki, 'operator.key'), op.keyPem, { mode: 0o600 });
  fs.writeFileSync(path.join(pki, 'operator.pem'), op.certPem);
  fs.writeFileSync(path.join(pki, 'ca.pem'), ca.certPem);
  const config = parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    PUBLIC_URL: 'https://ossig.example',
    SIGNING_KEY_PATH: path.join(pki, 'operator.key'),
    SIGNING_CERT_PATH: path.join(pki, 'operator.pem'),
    TRUSTED_CA_PATHS: path.join(pki, 'ca.pem'),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(55_000 + (process.pid % 2000)),
    ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
  });
  const started = await boot(config);
  return {
    ctx: started.ctx,
    dataDir,
    /** The operator's key and certificate (operator.key, operator.pem) and the CA (ca.pem). */
    pki,
    database: dbUrl ? ('postgresql' as const) : ('embedded' as const),
    async close() {
      await started.close();
      await scratch?.drop().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
