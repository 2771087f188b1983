/**
 * E-signature sign-in with a 512-bit qualified-style certificate
 * (ГОСТ Р 34.10-2012 512, Стрибог-512), everything made by OpenSSL's GOST
 * engine: the CA, the holder's key and certificate, and the CMS signature of
 * the challenge. The server verifies it and opens the entrepreneur's cabinet.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { GOST, type OpenSslGost } from '../../../test/helpers/openssl.js';
import { makeValidInnPerson, makeValidOgrnip, makeValidSnils } from '../../domain/identifiers.js';

let ctx: TestContext;
let app: App;
let openssl: OpenSslGost;
let dir: string;
const INN = makeValidInnPerson(5120);
const OGRNIP = makeValidOgrnip(5120);
const SNILS = makeValidSnils(5120);

beforeAll(async () => {
  if (!GOST) return;
  openssl = GOST;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-512-login-'));
  const p = (f: string) => path.join(dir, f);
  await openssl.gost('genpkey', ['-algorithm', 'gost2012_512', '-pkeyopt', 'paramset:A', '-out', p('ca.key')]);
  await openssl.gost('req', [
    '-new', '-x509', '-key', p('ca.key'), '-out', p('ca.pem'), '-days', '30', '-md_gost12_512', '-utf8',
    '-subj', '/CN=Тестовый УЦ 512/O=УЦ/C=RU',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await openssl.gost('genpkey', ['-algorithm', 'gost2012_512', '-pkeyopt', 'paramset:C', '-out', p('holder.key')]);
  await openssl.gost('req', [
    '-new', '-key', p('holder.key'), '-out', p('holder.csr'), '-md_gost12_512', '-utf8',
    '-subj', `/CN=ИП Кузнецова Мария Олеговна/SN=Кузнецова/GN=Мария Олеговна/C=RU/INN=${INN}/OGRNIP=${OGRNIP}/SNILS=${SNILS}`,
  ]);
  fs.writeFileSync(p('ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=clientAuth,emailProtection\n');
  await openssl.gost('x509', ['-req', '-in', p('holder.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('holder.pem'), '-days', '10', '-md_gost12_512', '-extfile', p('ext.cnf')]);
  ctx = await createTestContext({ trustedCaPaths: [p('ca.pem')] });
  app = await buildTestApp(ctx);
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe.skipIf(!GOST)('sign-in with a 512-bit certificate', () => {
  it('an OpenSSL-made 512-bit certificate and Стрибог-512 signature open the entrepreneur’s cabinet; a changed challenge is refused', async () => {
    const c = new Client(app);
    const sign = async (challenge: string) => {
      const input = path.join(dir, 'challenge.txt');
      fs.writeFileSync(input, challenge);
      const out = path.join(dir, 'challenge.sig');
      await openssl.gost('cms', ['-sign', '-binary', '-nodetach', '-outform', 'PEM', '-md', 'md_gost12_512', '-signer', path.join(dir, 'holder.pem'), '-inkey', path.join(dir, 'holder.key'), '-in', input, '-out', out]);
      return fs.readFileSync(out, 'utf8');
    };
    const bad = await c.post('/api/auth/certificate/challenge');
    const wrong = await c.post('/api/auth/certificate/login', { challengeId: bad.body.challengeId, signature: await sign(bad.body.challenge + 'x') });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.body.code).toBe('signature_invalid');

    const ch = await c.post('/api/auth/certificate/challenge');
    const res = await c.post('/api/auth/certificate/login', { challengeId: ch.body.challengeId, signature: await sign(ch.body.challenge) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const org = await ctx.db.selectFrom('organizations').select(['kind', 'inn', 'ogrn']).where('inn', '=', INN).executeTakeFirstOrThrow();
    expect(org).toEqual({ kind: 'individual', inn: INN, ogrn: OGRNIP });
    const me = await c.get('/api/organization');
    expect(me.status).toBe(200);
    expect(me.body.inn).toBe(INN);
  });
});
