/**
 * A real S3-compatible server for tests: s3rver (npm, a devDependency) run as
 * a child process on a free loopback port with a temporary directory, with
 * one bucket. `stop()` kills it (an outage), `start()` brings it back on the
 * same port and directory (the objects survive), `close()` ends it for good.
 * s3rver pages a listing with a DES-encrypted token, so it runs with Node's
 * legacy OpenSSL provider.
 * `env` holds the variables that point the system at it (config.ts reads them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from '../../src/platform/config.js';

const BIN = fileURLToPath(new URL('../../node_modules/s3rver/bin/s3rver.js', import.meta.url));

export interface S3Server {
  endpoint: string;
  bucket: string;
  port: number;
  dir: string;
  /** S3_URL, S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION. */
  env: Record<string, string>;
  /** Every object key in the bucket (from its directory: works while the server is stopped). */
  objectKeys(): string[];
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(endpoint: string, bucket: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`s3rver exited (${child.exitCode}): ${output()}`);
    try {
      const r = await fetch(`${endpoint}/${bucket}?list-type=2&max-keys=1`);
      if (r.status === 200) return;
      last = `${r.status} ${(await r.text()).slice(0, 300)}`;
    } catch (e) {
      last = String(e); // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`s3rver did not answer in 20 s: ${last} ${output()}`);
}

export async function startS3(opts: { bucket?: string } = {}): Promise<S3Server> {
  const bucket = opts.bucket ?? `ossig-${crypto.randomBytes(4).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-s3rver-'));
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const start = async () => {
    if (child) return;
    let out = '';
    const c = spawn(process.execPath, ['--openssl-legacy-provider', BIN, '-d', dir, '-a', '127.0.0.1', '-p', String(port), '--silent', '--configure-bucket', bucket], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    c.stdout!.on('data', (d: Buffer) => (out += d.toString()).slice(-4000));
    c.stderr!.on('data', (d: Buffer) => (out += d.toString()).slice(-4000));
    child = c;
    try {
      await waitReady(endpoint, bucket, c, () => out);
    } catch (e) {
      c.kill('SIGKILL');
      child = null;
      throw e;
    }
  };
  const stop = async () => {
    const c = child;
    if (!c) return;
    child = null;
    if (c.exitCode === null) {
      const gone = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await gone;
    }
  };
  await start();

  const bucketDir = path.join(dir, bucket);
  return {
    endpoint,
    bucket,
    port,
    dir,
    env: {
      S3_URL: `s3://${bucket}/ossig`,
      S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
    },
    objectKeys() {
      // s3rver keeps an object as `<key>._S3rver_object` (with `._S3rver_metadata.json` beside it).
      const keys: string[] = [];
      const walk = (d: string) => {
        for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith('._S3rver_object')) keys.push(path.relative(bucketDir, p).split(path.sep).join('/').replace(/\._S3rver_object$/, ''));
        }
      };
      walk(bucketDir);
      return keys.sort();
    },
    start,
    stop,
    async close() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
