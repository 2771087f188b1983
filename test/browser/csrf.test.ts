/**
 * Cross-site request forgery in a real browser. The carrier is signed in to
 * the cabinet; a page of another origin on the same site (another port of the
 * same host, where `SameSite=Lax` still sends the cookie) posts a valid trips
 * file to the upload route with `fetch(…, {mode: 'no-cors', credentials:
 * 'include'})` and submits a form that would sign the carrier out. Nothing
 * is recorded and the carrier stays signed in. The very same request
 * from the cabinet's own origin is accepted, so only the origin made the
 * difference.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useBrowserServer } from './server.js';
import { newPage, signIn } from './browser.js';
import { demoCarrier, tripsCsv, validRows } from '../helpers/upload-files.js';

const env = useBrowserServer({ trips: 40 });
let evil: http.Server;
let evilUrl = '';
let csv = '';

/** The attack, as a script: post the file with the victim's cookie (a classic form signs out next). */
const attack = (target: string) => `
  const fd = new FormData();
  fd.append('file', new Blob([${JSON.stringify(csv)}], { type: 'text/csv' }), 'trips.csv');
  fetch(${JSON.stringify(`${target}/api/uploads`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body: fd })
    .catch(() => {})
    .finally(() => { document.title = 'sent'; });
`;

beforeAll(async () => {
  const d = await demoCarrier(env.server.ctx);
  csv = tripsCsv(validRows(d, new Date(), 2, { idPrefix: 'csrf-' }));
  evil = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><body>
      <form id="f" method="POST" action="${env.server.url}/api/auth/logout" enctype="text/plain" target="sink"><input name="x" value="y"></form>
      <iframe name="sink"></iframe>
      <script>${attack(env.server.url)}; document.getElementById('f').submit();</script></body></html>`);
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
  evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((r) => evil?.close(() => r()));
});

const uploads = async () => Number((await sql<{ n: string }>`select count(*) as n from uploads`.execute(env.server.ctx.db)).rows[0].n);

describe('cross-site requests in the browser', () => {
  it('a page of another origin cannot upload trips or sign the carrier out with its cookie; the cabinet itself can', async () => {
    const { context, page } = await newPage(env.browser, env.server.url);
    try {
      await signIn(page, 'carrier@ossig.test');
      const before = { uploads: await uploads() };
      const attacker = await context.newPage();
      // The browser sends both requests with the cookie; the server refuses them for their origin.
      const answers = Promise.all([
        attacker.waitForResponse((r) => r.url() === `${env.server.url}/api/uploads`),
        attacker.waitForResponse((r) => r.url() === `${env.server.url}/api/auth/logout`),
      ]);
      await attacker.goto(evilUrl);
      const [upload, form] = await answers;
      expect(upload.status()).toBe(403);
      expect(form.status()).toBe(403);
      // 403, not 401: the cookie went along (SameSite=Lax does not stop a same-site page), the origin check refused it.
      expect(await form.text()).toContain('со страницы другого сайта');
      expect(await uploads()).toBe(before.uploads);
      // Still signed in: the forged sign-out did not happen either.
      expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(200);
      // The same upload from the cabinet's own page is accepted: the origin alone made the difference.
      const status = await page.evaluate(async (script) => {
        const fd = new FormData();
        fd.append('file', new Blob([script], { type: 'text/csv' }), 'trips.csv');
        return (await fetch('/api/uploads', { method: 'POST', credentials: 'include', body: fd })).status;
      }, csv);
      expect(status).toBe(202);
      expect(await uploads()).toBe(before.uploads + 1);
    } finally {
      await context.close();
    }
  });
});
