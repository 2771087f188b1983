/**
 * Production refuses to pretend: `NODE_ENV=production npm start` without the
 * operator's key (or an external signer), without PUBLIC_URL, or with links
 * to localhost stops at once with a message naming the variable and a
 * non-zero exit code — before any database or key is touched. And the test
 * CA generated for demos is never trusted there, nor a test key made.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/platform/config.js';
import { DEMO_CA_FILE, DEMO_PKI_DIR, trustedCaCertificates } from '../src/features/identity/trust.js';
import { operatorSigner } from '../src/platform/documents/operator-signer.js';
import { createCertificateAuthority } from '../src/platform/signing/index.js';
import type { AppContext } from '../src/platform/context.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function start(env: Record<string, string>, viaNpm = false): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-prod-'));
    const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), DATA_DIR: dataDir, PORT: '0', ...env };
    const p = viaNpm
      ? spawn('npm', ['start', '--silent'], { cwd: ROOT, env: base, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], { cwd: ROOT, env: base, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d: Buffer) => (output += d.toString()));
    p.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.on('close', (code) => {
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe('NODE_ENV=production refuses to pretend', () => {
  it('`npm start` without a key stops with a message naming SIGNING_KEY_PATH (exit code 2), touching nothing', async () => {
    const r = await start({ NODE_ENV: 'production', PUBLIC_URL: 'https://ossig.example.ru' }, true);
    expect(r.code).toBe(2);
    expect(r.output).toContain('Неверная настройка SIGNING_KEY_PATH');
    expect(r.output).toContain('SIGNER_COMMAND');
    expect(r.output).not.toMatch(/PostgreSQL|ОССиГ работает/);
  });

  it.each([
    ['without PUBLIC_URL', {}, 'PUBLIC_URL'],
    ['with PUBLIC_URL on localhost', { PUBLIC_URL: 'http://localhost:3000' }, 'PUBLIC_URL'],
    ['with an external signer but no certificate', { PUBLIC_URL: 'https://ossig.example.ru', SIGNING_KEY_PATH: '', SIGNING_CERT_PATH: '', SIGNER_COMMAND: 'cryptcp -sign {in} {out}' }, 'SIGNING_CERT_PATH'],
  ])('stops %s', async (_name, env, variable) => {
    const r = await start({ NODE_ENV: 'production', SIGNING_KEY_PATH: '/etc/ossig/key.pem', SIGNING_CERT_PATH: '/etc/ossig/cert.pem', ...env });
    expect(r.code).toBe(2);
    expect(r.output).toContain(`Неверная настройка ${variable}`);
  });

  it('never trusts the generated demo CA, nor makes a test key, in production', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-prod-trust-'));
    try {
      const ca = createCertificateAuthority({ subject: { commonName: 'Тестовый удостоверяющий центр ОССиГ' } });
      const demo = parseConfig({ DATA_DIR: dataDir, DEMO: 'true' });
      fs.mkdirSync(DEMO_PKI_DIR(demo), { recursive: true });
      fs.writeFileSync(path.join(DEMO_PKI_DIR(demo), DEMO_CA_FILE), ca.certPem);
      expect(trustedCaCertificates(demo).map((c) => c.fingerprint)).toEqual([ca.certificate.fingerprint]);
      // The same data directory in production: the demo CA is not trusted, even if DEMO were forced past the config check.
      const prod = parseConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PUBLIC_URL: 'https://ossig.example.ru', SIGNING_KEY_PATH: '/k', SIGNING_CERT_PATH: '/c' });
      expect(trustedCaCertificates(prod)).toEqual([]);
      expect(trustedCaCertificates({ ...prod, demo: true })).toEqual([]);
      // No key configured (past the config check): the operator signer refuses instead of making a test key.
      const noKey = { ...prod, signing: { ...prod.signing, keyPath: null, certPath: null } };
      await expect(operatorSigner({ config: noKey } as unknown as AppContext)).rejects.toThrow(/тестовый ключ подписи не создаётся/);
      expect(fs.existsSync(path.join(dataDir, 'pki', 'operator'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
