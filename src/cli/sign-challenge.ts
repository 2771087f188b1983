/**
 * `npm run sign-challenge -- --key key.pem --cert cert.pem --challenge "<text>" [--detached] [--out file]`
 * Signs a sign-in challenge with a ГОСТ Р 34.10-2012 key and certificate from
 * files and prints the CMS signature (PEM) — for tests and for people without
 * a browser plug-in. With `--url http://localhost:3000` it fetches a challenge,
 * signs it and signs in, printing the answer (and `--cookie-jar file` keeps the cookie).
 */
import fs from 'node:fs';
import { parseArgs } from './args.js';
import { cmsToPem, signAttached, signDetached } from '../platform/signing/index.js';

const { flags } = parseArgs(process.argv.slice(2));
const str = (name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error(
    'Использование: npm run sign-challenge -- --key ключ.pem --cert сертификат.pem (--challenge "текст" | --challenge-file файл | --url http://localhost:3000) [--detached] [--out подпись.pem]',
  );
  process.exit(2);
}

const keyPath = str('key');
const certPath = str('cert');
if (!keyPath || !certPath) usage('Укажите --key и --cert');
let keyPem: string;
let certPem: string;
try {
  keyPem = fs.readFileSync(keyPath, 'utf8');
  certPem = fs.readFileSync(certPath, 'utf8');
} catch (e) {
  usage(`Не удалось прочитать файл: ${(e as Error).message}`);
}

function sign(challenge: string): string {
  const data = Buffer.from(challenge, 'utf8');
  const der = flags.detached ? signDetached({ data, keyPem, certPem }) : signAttached({ data, keyPem, certPem });
  return cmsToPem(der);
}

const url = str('url');
if (url) {
  const base = url.replace(/\/$/, '');
  const ch = await fetch(`${base}/api/auth/certificate/challenge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!ch.ok) usage(`Сервер не выдал запрос: ${ch.status} ${await ch.text()}`);
  const { challengeId, challenge } = (await ch.json()) as { challengeId: string; challenge: string };
  const res = await fetch(`${base}/api/auth/certificate/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ challengeId, signature: sign(challenge) }),
  });
  const body = await res.text();
  const cookie = res.headers.get('set-cookie');
  const jar = str('cookie-jar');
  if (jar && cookie) fs.writeFileSync(jar, cookie.split(';')[0] + '\n');
  console.log(body);
  process.exitCode = res.ok ? 0 : 1;
} else {
  const challenge = str('challenge') ?? (str('challenge-file') ? fs.readFileSync(str('challenge-file')!, 'utf8').trim() : undefined);
  if (!challenge) usage('Укажите --challenge, --challenge-file или --url');
  const pem = sign(challenge);
  const out = str('out');
  if (out) {
    fs.writeFileSync(out, pem);
    console.error(`Подпись записана в ${out}`);
  } else process.stdout.write(pem);
}
