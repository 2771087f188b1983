/**
 * Signed checkpoints of the audit log, attacked as a database superuser would
 * attack them: each attack the chain alone misses (deleting the newest rows,
 * rewriting a row and recomputing every hash after it) is caught by the
 * checkpoints, a forged checkpoint is refused, an intact log passes, and
 * OpenSSL's GOST engine verifies an exported checkpoint.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { audit, auditRowHash, GENESIS_HASH, verifyAuditChain } from '../../platform/audit.js';
import { createCertificateAuthority, issueEndEntityCertificate, signDetached } from '../../platform/signing/index.js';
import { GOST } from '../../../test/helpers/openssl.js';
import { operatorSigner } from '../../platform/documents/operator-signer.js';
import { checkpointFileName, checkpointsDir, createAuditCheckpoint, exportAuditCheckpoints, verifyAuditLog } from './checkpoints.js';

const open: TestContext[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-audit-'));
  dirs.push(d);
  return d;
}

async function append(ctx: TestContext, n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    await ctx.db.transaction().execute((trx) =>
      audit(trx, { action: 'test.event', subjectType: 'test', subjectId: `${tag}-${i}`, ip: '192.0.2.1', details: { tag, i, nested: { b: 1, a: [1, 2] } } }),
    );
  }
}

/** 10 rows, checkpoint 1, 5 rows, checkpoint 2, 3 rows not yet anchored. */
async function loggedSystem() {
  const ctx = await createTestContext();
  open.push(ctx);
  await append(ctx, 10, 'a');
  const cp1 = await createAuditCheckpoint(ctx);
  await append(ctx, 5, 'b');
  const cp2 = await createAuditCheckpoint(ctx);
  await append(ctx, 3, 'c');
  return { ctx, cp1: cp1.checkpoint!, cp2: cp2.checkpoint! };
}

/** What an attacker with the database owner's rights does: switch the append-only triggers off, change, switch them on. */
async function asOwner(ctx: TestContext, fn: () => Promise<unknown>): Promise<void> {
  await sql`alter table audit_events disable trigger user`.execute(ctx.db);
  await sql`alter table audit_checkpoints disable trigger user`.execute(ctx.db);
  try {
    await fn();
  } finally {
    await sql`alter table audit_events enable trigger user`.execute(ctx.db);
    await sql`alter table audit_checkpoints enable trigger user`.execute(ctx.db);
  }
}

/** Recomputes prev_hash and hash of every row from `fromId` on, as an attacker covering a change would. */
async function recomputeChain(ctx: TestContext, fromId: number): Promise<void> {
  const before = await ctx.db.selectFrom('audit_events').select('hash').where('id', '<', fromId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = before?.hash ?? GENESIS_HASH;
  const rows = await ctx.db.selectFrom('audit_events').selectAll().where('id', '>=', fromId).orderBy('id').execute();
  for (const r of rows) {
    const hash = auditRowHash(prev, r);
    await sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`.execute(ctx.db);
    prev = hash;
  }
}

const ids = async (ctx: TestContext) => (await ctx.db.selectFrom('audit_events').select('id').orderBy('id').execute()).map((r) => r.id);

describe('audit checkpoints', () => {
  it('an intact log passes, with its checkpoints, and says how many rows are not anchored yet', async () => {
    const { ctx, cp1, cp2 } = await loggedSystem();
    expect(cp1).toMatchObject({ seq: 1, count: 10, previous: null });
    expect(cp2).toMatchObject({ seq: 2, count: 15, previous: { seq: 1 } });
    const all = await ids(ctx);
    expect(cp2.headId).toBe(all[14]);

    const r = await verifyAuditLog(ctx);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.chain).toMatchObject({ ok: true, total: 18 });
    expect(r.checkpoints.map((c) => [c.seq, c.ok])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(r.lastCheckpoint).toMatchObject({ seq: 2, headId: cp2.headId, count: 15 });
    expect(r.unanchored).toBe(3);
    expect(r.limits.length).toBeGreaterThan(0);

    // The files are where they should be, apart from the table, and the table lists them.
    const dir = checkpointsDir(ctx.config);
    expect(fs.readdirSync(dir).sort()).toEqual([checkpointFileName(1), `${checkpointFileName(1)}.sig`, checkpointFileName(2), `${checkpointFileName(2)}.sig`]);
    const rows = await ctx.db.selectFrom('audit_checkpoints').select(['seq', 'head_id', 'row_count']).orderBy('seq').execute();
    expect(rows).toEqual([
      { seq: 1, head_id: cp1.headId, row_count: 10 },
      { seq: 2, head_id: cp2.headId, row_count: 15 },
    ]);
  });

  it('makes no new checkpoint while the head has not moved, and anchors an empty log', async () => {
    const ctx = await createTestContext();
    open.push(ctx);
    const first = await createAuditCheckpoint(ctx);
    expect(first.checkpoint).toMatchObject({ seq: 1, headId: 0, count: 0, headHash: GENESIS_HASH });
    expect((await createAuditCheckpoint(ctx)).created).toBe(false);
    await append(ctx, 2, 'x');
    const [a, b] = await Promise.all([createAuditCheckpoint(ctx), createAuditCheckpoint(ctx)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect((await createAuditCheckpoint(ctx)).created).toBe(false);
    const r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(true);
    expect(r.checkpoints.length).toBe(2);
    expect(r.unanchored).toBe(0);
  });

  it('the log refuses updates, deletes and truncation, and so does the list of checkpoints', async () => {
    const { ctx } = await loggedSystem();
    await expect(sql`truncate audit_events`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_checkpoints set row_count = 1`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_checkpoints`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_checkpoints`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('catches the deletion of the newest rows past a checkpoint, which the chain alone accepts', async () => {
    const { ctx, cp2 } = await loggedSystem();
    const all = await ids(ctx);
    // Delete the last 5 rows: the 3 unanchored ones and the 2 newest anchored by checkpoint 2.
    await asOwner(ctx, () => sql`delete from audit_events where id >= ${all[13]}`.execute(ctx.db));
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);

    const r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(false);
    const c2 = r.checkpoints.find((c) => c.seq === 2)!;
    expect(c2.ok).toBe(false);
    expect(c2.problems.join(' ')).toContain(`журнал укорочен: точка закрепляет запись id=${cp2.headId}`);
    expect(r.checkpoints.find((c) => c.seq === 1)!.ok).toBe(true);
    expect(r.lastCheckpoint?.seq).toBe(1);
  });

  it('cannot see the deletion of rows newer than the last checkpoint (the stated limit) until the next checkpoint is compared', async () => {
    const { ctx } = await loggedSystem();
    const all = await ids(ctx);
    await asOwner(ctx, () => sql`delete from audit_events where id > ${all[14]}`.execute(ctx.db));
    const r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(true);
    expect(r.unanchored).toBe(0);
    expect(r.limits.join(' ')).toContain('после последней контрольной точки');
  });

  it('catches a row deleted in the middle with the chain recomputed (fewer rows than signed)', async () => {
    const { ctx } = await loggedSystem();
    const all = await ids(ctx);
    await asOwner(ctx, async () => {
      await sql`delete from audit_events where id = ${all[4]}`.execute(ctx.db);
      await recomputeChain(ctx, all[5]);
    });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
    const r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(false);
    const c1 = r.checkpoints.find((c) => c.seq === 1)!;
    expect(c1.problems.join(' ')).toMatch(/журнал укорочен: до записи id=\d+ в журнале 9 записей, подписано 10/);
    expect(c1.problems.join(' ')).toContain('хеш записи');
  });

  it('catches a middle row rewritten with every hash after it recomputed', async () => {
    const { ctx, cp1 } = await loggedSystem();
    const all = await ids(ctx);
    await asOwner(ctx, async () => {
      await sql`update audit_events set ip = '203.0.113.66', details = '{"tag":"forged"}' where id = ${all[3]}`.execute(ctx.db);
      await recomputeChain(ctx, all[3]);
    });
    const chain = await verifyAuditChain(ctx.db);
    expect(chain.ok).toBe(true);

    const r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(false);
    for (const seq of [1, 2]) {
      const c = r.checkpoints.find((x) => x.seq === seq)!;
      expect(c.ok).toBe(false);
      expect(c.problems.join(' ')).toContain('журнал переписан: хеш записи');
    }
    expect(r.problems.join('\n')).toContain(`id=${cp1.headId}`);
    expect(r.lastCheckpoint).toBeNull();
  });

  it('a change after the last checkpoint without recomputing still breaks the chain', async () => {
    const { ctx } = await loggedSystem();
    const all = await ids(ctx);
    await asOwner(ctx, () => sql`update audit_events set action = 'other' where id = ${all[16]}`.execute(ctx.db));
    const r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(false);
    expect(r.chain).toMatchObject({ ok: false, brokenAt: all[16] });
  });

  it('refuses forged checkpoints: an edited file, a file signed by another key, a removed checkpoint', async () => {
    const { ctx, cp2 } = await loggedSystem();
    const all = await ids(ctx);
    const dir = checkpointsDir(ctx.config);
    // The attacker rewrites row 13 and recomputes the chain, then edits checkpoint 2 to match.
    await asOwner(ctx, async () => {
      await sql`update audit_events set subject_id = 'forged' where id = ${all[12]}`.execute(ctx.db);
      await recomputeChain(ctx, all[12]);
    });
    const newHead = await ctx.db.selectFrom('audit_events').select('hash').where('id', '=', cp2.headId).executeTakeFirstOrThrow();
    const file2 = path.join(dir, checkpointFileName(2));
    const edited = Buffer.from(fs.readFileSync(file2, 'utf8').replace(cp2.headHash, newHead.hash));
    fs.writeFileSync(file2, edited);
    let r = await verifyAuditLog(ctx);
    let c2 = r.checkpoints.find((c) => c.seq === 2)!;
    expect(c2.ok).toBe(false);
    expect(c2.problems.join(' ')).toContain('подпись не верна: Файл не соответствует подписи');

    // Signed anew with a key of the attacker's own, even one whose certificate claims the operator's ИНН ЮЛ and ОГРН.
    const op = (await operatorSigner(ctx)).certificate.subject;
    const ca = createCertificateAuthority({ subject: { commonName: 'Поддельный УЦ', country: 'RU' } });
    const fake = issueEndEntityCertificate({ ca, subject: { commonName: op.commonName, organization: op.organization, innLe: op.innLe, ogrn: op.ogrn, country: 'RU' } });
    fs.writeFileSync(`${file2}.sig`, signDetached({ data: edited, keyPem: fake.keyPem, certPem: fake.certPem }));
    r = await verifyAuditLog(ctx);
    c2 = r.checkpoints.find((c) => c.seq === 2)!;
    expect(c2.ok).toBe(false);
    expect(c2.problems.join(' ')).toContain('не доверенным удостоверяющим центром');
    // The table row still names the signed original.
    expect(c2.problems.join(' ')).toContain('строка таблицы audit_checkpoints не совпадает');

    // A signature by the attacker's own CA that they add to nothing trusted, on a brand-new checkpoint 3.
    const third = Buffer.from(JSON.stringify({ ...cp2, seq: 3, previous: { seq: 2, file: checkpointFileName(2), sha256: '0'.repeat(64) } }));
    fs.writeFileSync(path.join(dir, checkpointFileName(3)), third);
    fs.writeFileSync(path.join(dir, `${checkpointFileName(3)}.sig`), signDetached({ data: third, keyPem: fake.keyPem, certPem: fake.certPem }));
    r = await verifyAuditLog(ctx);
    expect(r.checkpoints.find((c) => c.seq === 3)!.ok).toBe(false);
  });

  it('notices a checkpoint removed from the files, from the table, or from both', async () => {
    const { ctx } = await loggedSystem();
    await createAuditCheckpoint(ctx); // №3, over the 3 remaining rows
    const dir = checkpointsDir(ctx.config);
    fs.rmSync(path.join(dir, checkpointFileName(1)));
    let r = await verifyAuditLog(ctx);
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toContain('Контрольная точка №1 есть в таблице audit_checkpoints, но её файла нет');

    await asOwner(ctx, () => sql`delete from audit_checkpoints where seq = 2`.execute(ctx.db));
    r = await verifyAuditLog(ctx);
    expect(r.problems.join('\n')).toContain('Контрольная точка №2: строки этой точки нет в таблице');

    fs.rmSync(path.join(dir, checkpointFileName(2)));
    fs.rmSync(path.join(dir, `${checkpointFileName(2)}.sig`));
    r = await verifyAuditLog(ctx);
    expect(r.problems.join('\n')).toContain('Контрольной точки №2 нет ни в файлах, ни в таблице');

    // A planted file far ahead is one more finding, not a long walk over the missing numbers.
    fs.writeFileSync(path.join(dir, 'checkpoint-99999999.json'), '{}');
    r = await verifyAuditLog(ctx);
    expect(r.problems.join('\n')).toContain('Контрольной точки №4–№99999998 нет ни в файлах, ни в таблице');
    expect(r.checkpoints.find((c) => c.seq === 99999999)!.problems).toEqual(
      expect.arrayContaining(['нет файла подписи (.sig)', 'файл не является контрольной точкой журнала (неверный формат)']),
    );
  });

  it.skipIf(!GOST)('exports checkpoints that OpenSSL verifies, keeps an outside copy append-only, and checks the log against it', async () => {
    const openssl = GOST!;
    const { ctx, cp2 } = await loggedSystem();
    const out = tmpDir();
    const e = await exportAuditCheckpoints(ctx, out);
    expect(e.conflicts).toEqual([]);
    expect(e.written).toEqual(expect.arrayContaining([checkpointFileName(1), `${checkpointFileName(1)}.sig`, checkpointFileName(2), `${checkpointFileName(2)}.sig`, 'ca.pem', 'operator.crt', 'VERIFY.txt']));

    const verifyWithOpenSsl = (name: string) =>
      openssl.tryGost('cms', ['-verify', '-binary', '-inform', 'DER', '-in', `${name}.sig`, '-content', name, '-CAfile', 'ca.pem', '-partial_chain', '-purpose', 'any', '-out', '/dev/null'], { cwd: out });
    for (const seq of [1, 2]) {
      const v = await verifyWithOpenSsl(checkpointFileName(seq));
      expect(v.code, v.stderr).toBe(0);
      expect(v.stderr).toContain('Verification successful');
    }
    // The command of VERIFY.txt is the one run here.
    expect(fs.readFileSync(path.join(out, 'VERIFY.txt'), 'utf8')).toContain('-CAfile ca.pem -partial_chain -purpose any');
    // OpenSSL refuses an edited checkpoint.
    const forged = path.join(out, 'forged.json');
    fs.writeFileSync(forged, fs.readFileSync(path.join(out, checkpointFileName(2)), 'utf8').replace(`"count": ${cp2.count}`, `"count": ${cp2.count - 1}`));
    fs.copyFileSync(path.join(out, `${checkpointFileName(2)}.sig`), `${forged}.sig`);
    expect((await verifyWithOpenSsl('forged.json')).code).not.toBe(0);
    fs.rmSync(forged);
    fs.rmSync(`${forged}.sig`);

    // A second export adds only what is new.
    await append(ctx, 1, 'd');
    await createAuditCheckpoint(ctx);
    const again = await exportAuditCheckpoints(ctx, out);
    expect(again.written).toEqual([checkpointFileName(3), `${checkpointFileName(3)}.sig`]);
    expect(again.conflicts).toEqual([]);

    // The attacker truncates the log and removes every local trace of the checkpoints (files and rows)…
    const all = await ids(ctx);
    await asOwner(ctx, async () => {
      await sql`delete from audit_events where id >= ${all[12]}`.execute(ctx.db);
      await sql`delete from audit_checkpoints`.execute(ctx.db);
    });
    fs.rmSync(checkpointsDir(ctx.config), { recursive: true });
    const local = await verifyAuditLog(ctx);
    expect(local.ok).toBe(true);
    expect(local.notes.join(' ')).toContain('Контрольных точек нет');
    // …but the outside copy shows it.
    const against = await verifyAuditLog(ctx, { copies: [out] });
    expect(against.ok).toBe(false);
    expect(against.problems.join('\n')).toContain('журнал укорочен');

    // A checkpoint changed in the local directory never replaces the outside copy.
    fs.mkdirSync(checkpointsDir(ctx.config), { recursive: true });
    fs.writeFileSync(path.join(checkpointsDir(ctx.config), checkpointFileName(1)), '{}');
    const third = await exportAuditCheckpoints(ctx, out);
    expect(third.conflicts).toEqual([checkpointFileName(1)]);
    const both = await verifyAuditLog(ctx, { copies: [out] });
    expect(both.problems.join('\n')).toContain('Копии контрольной точки №1 различаются');
  });
});
