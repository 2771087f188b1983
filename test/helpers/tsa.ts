/**
 * A time-stamp authority for tests: OpenSSL's `ts -reply` (GOST key and
 * certificate made by OpenSSL) behind a tiny HTTP endpoint on loopback,
 * speaking RFC 3161 over HTTP (application/timestamp-query → -reply).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { requireOpenSslGost, type OpenSslGost } from './openssl.js';

export interface TestTsa {
  url: string;
  /** The TSA's CA certificate (PEM file). */
  caPath: string;
  /** Requests answered. */
  readonly served: number;
  /** Makes the next answers fail with this HTTP status (0 = normal). */
  failWith(status: number): void;
  close(): Promise<void>;
}

export async function startTestTsa(): Promise<TestTsa> {
  const openssl: OpenSslGost = await requireOpenSslGost();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-tsa-'));
  const p = (f: string) => path.join(dir, f);
  await openssl.gost('genpkey', ['-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:A', '-out', p('ca.key')]);
  await openssl.gost('req', ['-new', '-x509', '-key', p('ca.key'), '-out', p('ca.pem'), '-days', '30', '-md_gost12_256', '-subj', '/CN=Test TSA CA/C=RU',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  await openssl.gost('genpkey', ['-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:A', '-out', p('tsa.key')]);
  await openssl.gost('req', ['-new', '-key', p('tsa.key'), '-out', p('tsa.csr'), '-md_gost12_256', '-subj', '/CN=Test TSA/C=RU']);
  fs.writeFileSync(p('ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=critical,timeStamping\n');
  await openssl.gost('x509', ['-req', '-in', p('tsa.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('tsa.pem'), '-days', '20', '-md_gost12_256', '-extfile', p('ext.cnf')]);
  fs.writeFileSync(p('serial'), '01\n');
  fs.writeFileSync(
    p('tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa1',
      '[ tsa1 ]',
      `serial = ${p('serial')}`,
      `signer_cert = ${p('tsa.pem')}`,
      `certs = ${p('ca.pem')}`,
      `signer_key = ${p('tsa.key')}`,
      'signer_digest = md_gost12_256',
      'default_policy = 1.2.643.100.999.1',
      'digests = md_gost12_256, md_gost12_512, sha256',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = no',
      'ess_cert_id_chain = no',
      '',
    ].join('\n'),
  );
  let served = 0;
  let failStatus = 0;
  let queue = Promise.resolve();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      queue = queue.then(async () => {
        if (failStatus) {
          res.writeHead(failStatus).end();
          return;
        }
        if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
          res.writeHead(415).end();
          return;
        }
        const q = p(`q-${served}.tsq`);
        const r = p(`r-${served}.tsr`);
        fs.writeFileSync(q, Buffer.concat(chunks));
        try {
          await openssl.withEngineConfig(['ts', '-reply', '-config', p('tsa.cnf'), '-queryfile', q, '-out', r]);
          served++;
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(fs.readFileSync(r));
        } catch {
          res.writeHead(500).end();
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/tsp`,
    caPath: p('ca.pem'),
    get served() {
      return served;
    },
    failWith(status) {
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
