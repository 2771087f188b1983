/**
 * The external signer for real: the operator's key lives outside this
 * process and OpenSSL's GOST engine signs every file (`openssl cms -sign
 * -engine gost -cades …`, configured as SIGNER_COMMAND), with a time-stamp
 * authority (OpenSSL `ts -reply` on loopback, TSP_URL) adding RFC 3161
 * tokens. OpenSSL verifies the statement's signatures and their tokens; a
 * changed byte fails in OpenSSL and here; a signer that signs with another
 * certificate, fails or hangs is refused. The cost per document is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, Client, signedIn } from '../../../test/helpers/http.js';
import { startTestTsa, type TestTsa } from '../../../test/helpers/tsa.js';
import type { App } from '../../platform/http/server.js';
import { GOST, type OpenSslGost } from '../../../test/helpers/openssl.js';
import { commandSigner, signDocumentFile } from '../../platform/documents/signer.js';
import { signatureTimeStampToken, signatureValueOf, streebog256 } from '../../platform/signing/index.js';
import { seedDemo } from '../demo/seed.js';
import { generateStatement } from '../statements/generate-statement.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../../domain/period.js';

let openssl: OpenSslGost;
let tsa: TestTsa;
let ctx: TestContext;
let app: App;
let dir: string;
const p = (f: string) => path.join(dir, f);
let command: string;

beforeAll(async () => {
  if (!GOST) return;
  openssl = GOST;
  tsa = await startTestTsa();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-ext-signer-'));
  await openssl.gost('genpkey', ['-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:A', '-out', p('ca.key')]);
  await openssl.gost('req', ['-new', '-x509', '-key', p('ca.key'), '-out', p('ca.pem'), '-days', '30', '-md_gost12_256', '-utf8', '-subj', '/CN=УЦ оператора (тест)/C=RU',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  // The operator's key: in a real installation it stays in the token / HSM / CryptoPro container.
  await openssl.gost('genpkey', ['-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:A', '-out', p('operator.key')]);
  await openssl.gost('req', ['-new', '-key', p('operator.key'), '-out', p('operator.csr'), '-md_gost12_256', '-utf8', '-subj', '/CN=ГКУ «Информационный оператор ОССиГ»/O=ГКУ «ИО ОССиГ»/C=RU/OGRN=1027700000012']);
  fs.writeFileSync(p('ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
  await openssl.gost('x509', ['-req', '-in', p('operator.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('operator.pem'), '-days', '20', '-md_gost12_256', '-extfile', p('ext.cnf')]);
  command = `${openssl.bin} cms -sign -engine gost -binary -cades -nosmimecap -outform DER -md md_gost12_256 -signer {cert} -inkey '${p('operator.key')}' -in {in} -out {out}`;
  ctx = await createTestContext({}, {
    PUBLIC_URL: 'https://ossig.example',
    SIGNER_COMMAND: command,
    SIGNING_CERT_PATH: p('operator.pem'),
    TRUSTED_CA_PATHS: p('ca.pem'),
    TSP_URL: tsa.url,
  });
  await seedDemo(ctx, { trips: 300, days: 60 });
  app = await buildTestApp(ctx);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
  await tsa?.close();
});

const NOW = () => moscowDate(new Date());
const D = (n: number) => formatIsoDate(addDays((parseIsoDate(NOW()) as { value: any }).value, -n));

describe.skipIf(!GOST)('the external signer (OpenSSL GOST engine as the provider) with a time-stamp authority', () => {
  it('signs a statement; OpenSSL verifies the CAdES-T signatures and their tokens; a changed byte fails both ways', async () => {
    const producer = await signedIn(app, 'producer@ossig.test');
    const site = (await producer.get('/api/sites')).body.items.find((s: any) => s.name.includes('Профсоюзная'));
    const permits = await producer.get(`/api/sites/${site.id}/permits?from=${D(50)}&to=${NOW()}`);
    const res = await producer.post('/api/statements', { siteId: site.id, from: D(50), to: NOW(), permitIds: permits.body.items.map((x: any) => x.id) });
    expect(res.status, res.text).toBe(202);
    const served = tsa.served;
    const r = await generateStatement(ctx, res.body.id);
    expect(r.outcome).toBe('ready');
    expect(tsa.served - served).toBe(2);
    console.log(`external signer + TSA: ${r.timings?.sign} ms for 2 files (${(r.timings!.sign! / 2).toFixed(0)} ms per file)`);

    const get = async (kind: string) => (await app.inject({ method: 'GET', url: `/api/statements/${res.body.id}/files/${kind}`, headers: { cookie: (producer as any).cookie } })).rawPayload;
    for (const kind of ['pdf', 'xlsx']) {
      const file = await get(kind);
      const sig = await get(`${kind}.sig`);
      fs.writeFileSync(p(`doc.${kind}`), file);
      fs.writeFileSync(p(`doc.${kind}.sig`), sig);
      const ok = await openssl.tryGost('cms', ['-verify', '-binary', '-inform', 'DER', '-in', p(`doc.${kind}.sig`), '-content', p(`doc.${kind}`), '-CAfile', p('ca.pem'), '-purpose', 'any', '-out', p('out')]);
      expect(ok.code, ok.stderr).toBe(0);
      const cades = await openssl.tryGost('cms', ['-verify', '-binary', '-cades', '-inform', 'DER', '-in', p(`doc.${kind}.sig`), '-content', p(`doc.${kind}`), '-CAfile', p('ca.pem'), '-purpose', 'any', '-out', p('out')]);
      expect(cades.stderr).toContain('CAdES Verification successful');
      // The time-stamp token covers this signature's value; OpenSSL checks it with the TSA's CA.
      fs.writeFileSync(p('token.der'), signatureTimeStampToken(sig)!);
      fs.writeFileSync(p('sigvalue'), signatureValueOf(sig));
      const ts = await openssl.withEngineConfig(['ts', '-verify', '-token_in', '-in', p('token.der'), '-data', p('sigvalue'), '-CAfile', tsa.caPath]);
      expect(ts.stdout.toString()).toContain('Verification: OK');
      // One changed byte: OpenSSL refuses, and so do we.
      const bad = Buffer.from(file);
      bad[Math.floor(bad.length / 3)] ^= 0x10;
      fs.writeFileSync(p('bad'), bad);
      const no = await openssl.tryGost('cms', ['-verify', '-binary', '-inform', 'DER', '-in', p(`doc.${kind}.sig`), '-content', p('bad'), '-CAfile', p('ca.pem'), '-purpose', 'any', '-out', p('out')]);
      expect(no.code).not.toBe(0);
      const boundary = 'b0undary';
      const body = (f: Buffer) =>
        Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f"\r\n\r\n`), f,
          Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="signature"; filename="s"\r\n\r\n`), sig,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
      const anon = new Client(app);
      const good = await anon.request('POST', '/api/signatures/verify', body(file), { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(good.body).toMatchObject({ valid: true, signer: { isOperator: true }, timestamp: { valid: true }, document: { kind, status: 'valid' } });
      const refused = await anon.request('POST', '/api/signatures/verify', body(bad), { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(refused.body).toMatchObject({ valid: false, code: 'digest_mismatch' });
    }
    const doc = await ctx.db.selectFrom('documents').select(['timestamped_at', 'status']).where('subject_id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(doc.status).toBe('valid');
    expect(doc.timestamped_at).toBeInstanceOf(Date);
  });

  it('costs one OpenSSL process per document (measured), and refuses a wrong certificate, a failing or hanging provider', async () => {
    const file = p('one-mb.bin');
    const data = randomBytes(1 << 20);
    fs.writeFileSync(file, data);
    const signer = commandSigner({ command, certPath: p('operator.pem'), timeoutSeconds: 30 });
    const digest = streebog256(data);
    const n = 10;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await signDocumentFile(signer, { path: file, digest, signingTime: new Date() }, null);
    const perDoc = (performance.now() - t0) / n;
    console.log(`external signer (openssl cms -sign -engine gost, 1 MB file): ${perDoc.toFixed(1)} ms per document`);

    // A provider that signs with another certificate than the configured one: refused by the self-check.
    const other = fs.readFileSync(p('ca.pem'));
    fs.writeFileSync(p('other.pem'), other);
    const wrong = commandSigner({ command: command.replace('{cert}', p('operator.pem')), certPath: p('other.pem'), timeoutSeconds: 30 });
    await expect(signDocumentFile(wrong, { path: file, digest, signingTime: new Date() }, null)).rejects.toThrow(/another certificate/);
    // A provider that fails says why; one that hangs is stopped.
    const failing = commandSigner({ command: `${openssl.bin} cms -sign -engine gost -in {in} -out {out} -inkey /nonexistent.key -signer {cert}`, certPath: p('operator.pem'), timeoutSeconds: 30 });
    await expect(failing.sign({ path: file, digest, signingTime: new Date() })).rejects.toThrow(/exited with code/);
    const hanging = commandSigner({ command: 'sh -c "sleep 30" {in} {out}', certPath: p('operator.pem'), timeoutSeconds: 1 });
    await expect(hanging.sign({ path: file, digest, signingTime: new Date() })).rejects.toThrow(/signal SIGKILL/);
  });
});
