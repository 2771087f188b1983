/**
 * Every permit has its first version: the demo seed writes it, and migration 0281 gives one to a permit
 * written without (its present terms, in force since always), so «Версии разрешения» is never empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { seedDemo } from '../demo/seed.js';

let ctx: TestContext;
let app: App;
let producer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 20, days: 3 });
  app = await buildTestApp(ctx);
  producer = await signedIn(app, 'producer@ossig.test');
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** The permit's present terms, as the versions page shows them. */
async function presentTerms(permitId: string) {
  const lines = await sql<{ code: string; volume: string }>`select waste_code as code, permitted_volume::text as volume from permit_waste_types where permit_id = ${permitId} order by waste_code`.execute(ctx.db);
  const carriers = await sql<{ inn: string }>`select o.inn from permit_carriers c join organizations o on o.id = c.carrier_id where c.permit_id = ${permitId} order by o.name`.execute(ctx.db);
  return { lines: lines.rows, carriers: carriers.rows.map((r) => r.inn) };
}

async function versionsShown(permitId: string) {
  const res = await producer.get(`/api/permits/${permitId}/versions`);
  expect(res.status).toBe(200);
  return res.body.items as Array<{ version: number; current: boolean; inForceFrom: string | null; lines: Array<{ code: string; volume: string; facilities: string[] }>; carriers: Array<{ inn: string }> }>;
}

describe('a permit’s first version', () => {
  it('the demo’s permits each list their versions down to 1, the one in force with the present lines, carriers and facilities', async () => {
    const permits = await sql<{ id: string }>`select p.id from permits p join memberships m on m.organization_id = p.producer_id join persons pe on pe.id = m.person_id where pe.email = 'producer@ossig.test'`.execute(ctx.db);
    expect(permits.rows.length).toBeGreaterThan(0);
    for (const { id } of permits.rows) {
      const items = await versionsShown(id);
      // Newest first: the last is version 1; the one in force holds the permit's present terms.
      expect(items.length).toBeGreaterThan(0);
      expect(items.at(-1)!.version).toBe(1);
      const v = items.find((i) => i.current)!;
      expect(v).toBeDefined();
      const terms = await presentTerms(id);
      expect(v.lines.map((l) => ({ code: l.code, volume: l.volume }))).toEqual(terms.lines);
      expect(v.lines.every((l) => l.facilities.length > 0)).toBe(true);
      expect(v.carriers.map((c) => c.inn)).toEqual(terms.carriers);
    }
  });

  it('migration 0281 gives a permit written without versions its present terms as version 1, once', async () => {
    const { id } = (await sql<{ id: string }>`select p.id from permits p join memberships m on m.organization_id = p.producer_id join persons pe on pe.id = m.person_id where pe.email = 'producer@ossig.test' order by p.number limit 1`.execute(ctx.db)).rows[0];
    const before = await versionsShown(id);
    // As a permit written before the seed kept its versions: none.
    for (const t of ['permit_version_lines', 'permit_version_carriers', 'permit_version_facilities'])
      await sql`delete from ${sql.table(t)} where version_id in (select id from permit_versions where permit_id = ${id})`.execute(ctx.db);
    await sql`delete from permit_versions where permit_id = ${id}`.execute(ctx.db);
    expect(await versionsShown(id)).toEqual([]);

    const migration = fs.readFileSync(path.resolve('migrations/0281_permit_first_versions.sql'), 'utf8');
    await sql.raw(migration).execute(ctx.db);
    const after = await versionsShown(id);
    expect(after.map(({ version, current, inForceFrom, lines, carriers }) => ({ version, current, inForceFrom, lines, carriers }))).toEqual(
      before.map(({ version, current, inForceFrom, lines, carriers }) => ({ version, current, inForceFrom, lines, carriers })),
    );
    // Run again: nothing added, here or to the permits that had their versions.
    const count = async () => (await sql<{ n: number }>`select (select count(*) from permit_versions) + (select count(*) from permit_version_lines) + (select count(*) from permit_version_carriers) + (select count(*) from permit_version_facilities) as n`.execute(ctx.db)).rows[0].n;
    const n = await count();
    await sql.raw(migration).execute(ctx.db);
    expect(await count()).toBe(n);
  });
});
