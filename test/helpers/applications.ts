/** Factories for permit applications through the API (tests). */
import { expect } from 'vitest';
import type { Client } from './http.js';
import { moscowDate } from '../../src/domain/period.js';
import { shiftDate } from '../../src/domain/working-days.js';
import { demoPdf } from '../../src/features/applications/demo.js';

export const today = () => moscowDate(new Date());

export function multipart(parts: { name: string; filename?: string; data: Buffer | string }[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----ossig${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = p.filename !== undefined ? `form-data; name="${p.name}"; filename="${p.filename}"` : `form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(c: Client, appId: string, kind: string, name: string, data: Buffer) {
  const mp = multipart([{ name: 'file', filename: name, data }]);
  return c.request('POST', `/api/applications/${appId}/files?kind=${kind}`, mp.body, mp.headers);
}

/** A complete draft of a new permit, through the API. */
export async function completeDraft(c: Client, o: { site: string; facility: string; carrierInn: string; worksTo?: string; volume?: string }) {
  let a = (await c.post('/api/applications', { kind: 'permit', siteId: o.site })).body;
  const r = await c.request('PATCH', `/api/applications/${a.id}`, {
    version: a.version,
    general: { worksFrom: today(), worksTo: o.worksTo ?? shiftDate(today(), 120), district: 'ЮЗАО' },
    lines: [{ wasteCode: '81110001495', volume: o.volume ?? '1000', facilityObjectIds: [o.facility] }],
    carriers: [{ inn: o.carrierInn }],
  });
  expect(r.status, r.text).toBe(200);
  a = r.body;
  const pdf = await demoPdf('Документ');
  for (const kind of ['regulation', 'carrier_contract', 'facility_contract']) expect((await upload(c, a.id, kind, `${kind}.pdf`, pdf)).status).toBe(201);
  return (await c.get(`/api/applications/${a.id}`)).body;
}
