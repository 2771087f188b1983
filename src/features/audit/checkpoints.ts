/**
 * Anchoring the audit log: signed checkpoints of the chain head.
 *
 * The hash chain of `audit_events` (src/platform/audit.ts) shows an edit of a
 * row, but not the deletion of the newest rows, nor a row rewritten with every
 * hash after it recomputed (SHA-256 has no secret). A checkpoint is a small
 * JSON document — the head's id and hash, the number of rows up to it, the
 * time, and the SHA-256 of the checkpoint before — signed by the operator's
 * key (CAdES-BES, detached, ГОСТ Р 34.10-2012) and written, with its `.sig`,
 * under `<DATA_DIR>/audit-checkpoints/`, apart from the database (written
 * aside and renamed into place); a row of `audit_checkpoints` lists it.
 *
 * `verifyAuditLog` checks the chain and every checkpoint against it: a head
 * row missing or fewer rows than signed (truncation), a different head hash
 * (rewriting before the checkpoint), a signature that fails or is not the
 * operator's (a forged checkpoint), a checkpoint missing from the sequence.
 * It cannot see the deletion of rows newer than the last checkpoint, nor a
 * rewrite re-signed by someone holding the operator's key (`AUDIT_LIMITS`).
 *
 * `createAuditCheckpoint` is meant to run periodically (it does nothing when
 * the head has not moved) and may run in several processes at once.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Config } from '../../platform/config.js';
import { GENESIS_HASH, verifyAuditChain, type ChainPoint } from '../../platform/audit.js';
import { fsyncDir } from '../../platform/files/index.js';
import { verifyDetached, type ParsedCertificate } from '../../platform/signing/index.js';
import { operatorSigner, certificateOwner, type OperatorSigner } from '../../platform/documents/operator-signer.js';
import { signBytes } from '../../platform/documents/signer.js';
import { writeSmallFile } from '../statements/files.js';
import { VERIFY_REASONS } from '../documents/verify-signature.js';

export const CHECKPOINT_TYPE = 'ossig.audit-checkpoint';
const CHECKPOINT_LOCK = 727003;
const FILE_RE = /^checkpoint-(\d{8})\.json$/;

/** The signed document (the file is this object as pretty JSON with a final newline). */
export interface CheckpointDocument {
  type: typeof CHECKPOINT_TYPE;
  version: 1;
  seq: number;
  /** The last row of the log at the checkpoint (0: the log was empty). */
  headId: number;
  /** Its hash (GENESIS_HASH for an empty log). */
  headHash: string;
  /** Rows of the log up to and including the head. */
  count: number;
  createdAt: string;
  /** The checkpoint before (its file's SHA-256), null for the first. */
  previous: { seq: number; file: string; sha256: string } | null;
}

export function checkpointsDir(config: Config): string {
  return path.join(config.dataDir, 'audit-checkpoints');
}

export function checkpointFileName(seq: number): string {
  return `checkpoint-${String(seq).padStart(8, '0')}.json`;
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

export interface CreatedCheckpoint {
  /** False when the head had not moved since the last checkpoint (nothing written). */
  created: boolean;
  checkpoint: CheckpointDocument | null;
  /** Absolute path of the checkpoint file. */
  file: string | null;
}

/**
 * Signs the current head of the log into a new checkpoint unless the last
 * checkpoint already names it. Safe to run twice and in several processes
 * (serialized by an advisory lock). Throws `OperatorKeyError` without a key.
 */
export async function createAuditCheckpoint(ctx: AppContext): Promise<CreatedCheckpoint> {
  const signer = await operatorSigner(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${CHECKPOINT_LOCK})`.execute(trx);
    // One statement, one snapshot: the head and the count agree. Rows commit in id order
    // (`audit` appends under a lock held to commit), so what is visible is a prefix of the log.
    const head = (
      await sql<{ id: string; hash: string; n: string }>`
        select id, hash, (select count(*) from audit_events) as n from audit_events order by id desc limit 1`.execute(trx)
    ).rows[0];
    const headId = head ? Number(head.id) : 0;
    const headHash = head?.hash ?? GENESIS_HASH;
    const count = head ? Number(head.n) : 0;
    const last = await trx.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (last && Number(last.head_id) === headId && last.head_hash === headHash) return { created: false, checkpoint: null, file: null };

    const seq = (last?.seq ?? 0) + 1;
    const createdAt = ctx.now();
    const doc: CheckpointDocument = {
      type: CHECKPOINT_TYPE,
      version: 1,
      seq,
      headId,
      headHash,
      count,
      createdAt: createdAt.toISOString(),
      previous: last ? { seq: last.seq, file: last.file, sha256: last.sha256 } : null,
    };
    const bytes = Buffer.from(JSON.stringify(doc, null, 2) + '\n', 'utf8');
    const { signature } = await signBytes(signer.signer, bytes, createdAt);
    const dir = checkpointsDir(ctx.config);
    const name = checkpointFileName(seq);
    // The signature first, then the document: a document on disk always has its signature.
    // A crash before the row commits leaves files of this seq, which the next run replaces.
    const sig = writeSmallFile(path.join(dir, `${name}.sig`), signature);
    const file = writeSmallFile(path.join(dir, name), bytes);
    try {
      sig.commit();
      file.commit();
    } catch (e) {
      sig.discard();
      file.discard();
      throw e;
    }
    await fsyncDir(dir);
    await trx
      .insertInto('audit_checkpoints')
      .values({
        seq,
        head_id: headId,
        head_hash: headHash,
        row_count: count,
        created_at: createdAt,
        file: name,
        sha256: file.sha256,
        signer_serial: signer.certificate.serialNumber,
      })
      .execute();
    return { created: true, checkpoint: doc, file: path.join(dir, name) };
  });
}

// ================================================================ verification

/** What a verification cannot prove, said every time. */
export const AUDIT_LIMITS: readonly string[] = [
  'Записи, добавленные после последней контрольной точки, можно удалить незаметно до следующей точки.',
  'Тот, у кого есть ключ оператора, может переписать журнал и заново подписать контрольные точки; это видно только по копиям точек, выгруженным раньше за пределы сервера (npm run audit:export, затем npm run audit:verify -- --with КАТАЛОГ).',
  'Если удалены все файлы контрольных точек и строки таблицы audit_checkpoints, журнал выглядит как ещё не закреплённый; сверяйтесь с выгруженными копиями.',
  'Время контрольной точки — утверждение самого сервера (подпись без штампа времени).',
];

export interface CheckpointCheck {
  seq: number;
  /** Where this version of the checkpoint was found (directories). */
  sources: string[];
  sha256: string;
  headId: number | null;
  count: number | null;
  createdAt: string | null;
  signer: string | null;
  ok: boolean;
  problems: string[];
}

export interface AuditVerification {
  ok: boolean;
  chain: { ok: boolean; checked: number; total: number; brokenAt?: number; head: ChainPoint | null };
  checkpoints: CheckpointCheck[];
  /** Every failure, in Russian. */
  problems: string[];
  /** Worth knowing, not a failure. */
  notes: string[];
  /** The newest checkpoint that holds. */
  lastCheckpoint: { seq: number; headId: number; count: number; createdAt: string } | null;
  /** Rows after the newest checkpoint that holds (not protected against deletion yet). */
  unanchored: number;
  limits: readonly string[];
}

interface Variant {
  seq: number;
  bytes: Buffer;
  sig: Buffer | null;
  sha256: string;
  sources: string[];
}

/** Checkpoint files (and their signatures) in a directory, by seq. Temporaries are ignored. */
async function readCheckpointDir(dir: string): Promise<Map<number, { bytes: Buffer; sig: Buffer | null }>> {
  const out = new Map<number, { bytes: Buffer; sig: Buffer | null }>();
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw e;
  }
  for (const n of names) {
    const m = FILE_RE.exec(n);
    if (!m) continue;
    const bytes = await fsp.readFile(path.join(dir, n));
    const sig = await fsp.readFile(path.join(dir, `${n}.sig`)).catch(() => null);
    out.set(Number(m[1]), { bytes, sig });
  }
  return out;
}

function parseDocument(bytes: Buffer): CheckpointDocument | null {
  let v: unknown;
  try {
    v = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const d = v as Partial<CheckpointDocument>;
  const okHash = (h: unknown) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h);
  const okInt = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  if (
    !d ||
    typeof d !== 'object' ||
    d.type !== CHECKPOINT_TYPE ||
    d.version !== 1 ||
    !okInt(d.seq) ||
    !okInt(d.headId) ||
    !okHash(d.headHash) ||
    !okInt(d.count) ||
    typeof d.createdAt !== 'string' ||
    Number.isNaN(Date.parse(d.createdAt)) ||
    !(d.previous === null || (d.previous && typeof d.previous === 'object' && okInt(d.previous.seq) && okHash(d.previous.sha256)))
  ) {
    return null;
  }
  return d as CheckpointDocument;
}

/** The checkpoint was signed by the operator: its certificate, or (after a key change) one for the same ИНН ЮЛ and ОГРН. */
function signedByOperator(cert: ParsedCertificate | undefined, signer: OperatorSigner): boolean {
  if (!cert) return false;
  if (cert.fingerprint === signer.certificate.fingerprint) return true;
  const op = signer.certificate.subject;
  return !!op.innLe && !!op.ogrn && cert.subject.innLe === op.innLe && cert.subject.ogrn === op.ogrn;
}

/**
 * Verifies the chain and every checkpoint found in `<DATA_DIR>/audit-checkpoints/`,
 * in the `audit_checkpoints` table and in `opts.copies` (directories written
 * by `exportAuditCheckpoints`, e.g. kept by an outside party).
 */
export async function verifyAuditLog(ctx: AppContext, opts: { copies?: readonly string[] } = {}): Promise<AuditVerification> {
  const signer = await operatorSigner(ctx);
  const problems: string[] = [];
  const notes: string[] = [];
  const localDir = checkpointsDir(ctx.config);

  // Every version of every checkpoint, wherever found.
  const variants = new Map<number, Variant[]>();
  for (const dir of [localDir, ...(opts.copies ?? [])]) {
    for (const [seq, f] of await readCheckpointDir(dir)) {
      const list = variants.get(seq) ?? [];
      const h = sha256(f.bytes);
      const same = list.find((v) => v.sha256 === h);
      if (same) {
        same.sources.push(dir);
        if (!same.sig && f.sig) same.sig = f.sig;
      } else list.push({ seq, bytes: f.bytes, sig: f.sig, sha256: h, sources: [dir] });
      variants.set(seq, list);
    }
  }
  const rows = await ctx.db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  const rowBySeq = new Map(rows.map((r) => [r.seq, r]));

  const docs = new Map<string, CheckpointDocument | null>();
  for (const list of variants.values()) for (const v of list) docs.set(v.sha256, parseDocument(v.bytes));
  const heads = [...docs.values()].filter((d): d is CheckpointDocument => !!d).map((d) => d.headId);
  const chain = await verifyAuditChain(ctx.db, { points: heads });
  if (!chain.ok) {
    problems.push(`Цепочка журнала нарушена на записи id=${chain.brokenAt}: запись изменена или удалена (верных записей до неё — ${chain.checked}).`);
  }

  const seqs = [...new Set([...variants.keys(), ...rowBySeq.keys()])].sort((a, b) => a - b);
  const maxSeq = seqs.length ? seqs[seqs.length - 1] : 0;
  const checks: CheckpointCheck[] = [];
  const validBySeq = new Map<number, Variant[]>();

  for (const seq of seqs) {
    const list = variants.get(seq) ?? [];
    if (!list.length) {
      problems.push(`Контрольная точка №${seq} есть в таблице audit_checkpoints, но её файла нет: файл удалён.`);
      continue;
    }
    if (list.length > 1) problems.push(`Копии контрольной точки №${seq} различаются (${list.map((v) => v.sources.join(', ')).join(' / ')}).`);
    for (const v of list) {
      const p: string[] = [];
      const doc = docs.get(v.sha256) ?? null;
      let signerName: string | null = null;
      if (!v.sig) p.push('нет файла подписи (.sig)');
      else {
        const at = doc ? new Date(doc.createdAt) : undefined;
        const r = await verifyDetached({ data: v.bytes, signature: v.sig, trustedCaCerts: signer.trusted, at });
        signerName = r.certificate ? certificateOwner(r.certificate) : null;
        if (!r.valid) p.push(`подпись не верна: ${VERIFY_REASONS[r.reason ?? 'bad_signature']}`);
        else if (!signedByOperator(r.certificate, signer)) p.push(`подписано не ключом оператора (${signerName ?? 'неизвестный сертификат'})`);
        else if (r.certificate!.fingerprint !== signer.certificate.fingerprint) {
          notes.push(`Контрольная точка №${seq} подписана прежним сертификатом оператора (серийный номер ${r.certificate!.serialNumber}), принятым по ИНН ЮЛ и ОГРН.`);
        }
      }
      if (!doc) p.push('файл не является контрольной точкой журнала (неверный формат)');
      else {
        if (doc.seq !== seq) p.push(`номер в файле (${doc.seq}) не совпадает с именем файла`);
        const at = chain.points.get(doc.headId);
        if (!at) {
          if (doc.headId > (chain.head?.id ?? 0)) {
            p.push(`журнал укорочен: точка закрепляет запись id=${doc.headId}, а последняя запись журнала — id=${chain.head?.id ?? 0}`);
          } else p.push(`журнал укорочен: записи id=${doc.headId}, закреплённой точкой, нет`);
        } else {
          if (at.count < doc.count) p.push(`журнал укорочен: до записи id=${doc.headId} в журнале ${at.count} записей, подписано ${doc.count}`);
          if (at.count > doc.count) p.push(`журнал переписан: до записи id=${doc.headId} в журнале ${at.count} записей, подписано ${doc.count}`);
          if (at.hash !== doc.headHash) p.push(`журнал переписан: хеш записи id=${doc.headId} не совпадает с подписанным — записи до неё изменены`);
        }
        if (seq === 1 && doc.previous !== null) p.push('у первой точки указана предыдущая');
        if (seq > 1) {
          if (!doc.previous || doc.previous.seq !== seq - 1) p.push(`не указана предыдущая точка №${seq - 1}`);
          else {
            const before = validBySeq.get(seq - 1) ?? [];
            if (variants.has(seq - 1) && before.length && !before.some((b) => b.sha256 === doc.previous!.sha256)) {
              p.push(`предыдущая точка №${seq - 1} не та, что была подписана вслед за ней`);
            }
          }
        }
        const row = rowBySeq.get(seq);
        if (!row) {
          if (seq === maxSeq) notes.push(`Контрольной точки №${seq} нет в таблице audit_checkpoints (прерванная запись точки или удалённая строка); файл проверен.`);
          else p.push('строки этой точки нет в таблице audit_checkpoints: строка удалена');
        } else if (
          row.sha256 !== v.sha256 ||
          Number(row.head_id) !== doc.headId ||
          row.head_hash !== doc.headHash ||
          Number(row.row_count) !== doc.count ||
          row.file !== checkpointFileName(seq)
        ) {
          p.push('строка таблицы audit_checkpoints не совпадает с подписанным файлом');
        }
      }
      const ok = p.length === 0;
      if (ok) validBySeq.set(seq, [...(validBySeq.get(seq) ?? []), v]);
      for (const x of p) problems.push(`Контрольная точка №${seq}${list.length > 1 ? ` (${v.sources.join(', ')})` : ''}: ${x}.`);
      checks.push({
        seq,
        sources: v.sources,
        sha256: v.sha256,
        headId: doc?.headId ?? null,
        count: doc?.count ?? null,
        createdAt: doc?.createdAt ?? null,
        signer: signerName,
        ok,
        problems: p,
      });
    }
  }
  // Gaps in the sequence (reported as ranges: a planted checkpoint-99999999.json must not make this loop long).
  let expected = 1;
  for (const s of seqs) {
    if (s > expected) {
      const range = s - 1 === expected ? `№${expected}` : `№${expected}–№${s - 1}`;
      problems.push(`Контрольной точки ${range} нет ни в файлах, ни в таблице: точка удалена.`);
    }
    expected = s + 1;
  }

  let last: AuditVerification['lastCheckpoint'] = null;
  for (const c of checks) {
    if (c.ok && c.headId !== null && c.count !== null && c.createdAt && (!last || c.seq > last.seq)) {
      last = { seq: c.seq, headId: c.headId, count: c.count, createdAt: c.createdAt };
    }
  }
  if (!seqs.length) notes.push('Контрольных точек нет: журнал ещё не закреплён (npm run audit:checkpoint).');
  const unanchored = Math.max(0, chain.total - (last?.count ?? 0));
  return {
    ok: problems.length === 0,
    chain: { ok: chain.ok, checked: chain.checked, total: chain.total, ...(chain.brokenAt === undefined ? {} : { brokenAt: chain.brokenAt }), head: chain.head },
    checkpoints: checks,
    problems,
    notes,
    lastCheckpoint: last,
    unanchored,
    limits: AUDIT_LIMITS,
  };
}

// ================================================================ export

export interface ExportResult {
  dir: string;
  written: string[];
  unchanged: string[];
  /** Files already in the directory with other content: left as they were (a changed checkpoint is a finding). */
  conflicts: string[];
}

/**
 * Copies every checkpoint and its `.sig` into `dir`, with the operator's
 * certificate and trust anchors (`ca.pem`) and a note on checking them with
 * OpenSSL. A file already there is never replaced: the same content is
 * skipped, other content is reported as a conflict (so an outside copy
 * refreshed with each export keeps what it received first).
 */
export async function exportAuditCheckpoints(ctx: AppContext, dir: string): Promise<ExportResult> {
  const signer = await operatorSigner(ctx);
  const target = path.resolve(dir);
  await fsp.mkdir(target, { recursive: true });
  const result: ExportResult = { dir: target, written: [], unchanged: [], conflicts: [] };
  const put = async (name: string, data: Buffer, replace: boolean) => {
    const dest = path.join(target, name);
    const existing = await fsp.readFile(dest).catch(() => null);
    if (existing && existing.equals(data)) {
      result.unchanged.push(name);
      return;
    }
    if (existing && !replace) {
      result.conflicts.push(name);
      return;
    }
    const f = writeSmallFile(dest, data);
    f.commit();
    result.written.push(name);
  };
  const local = await readCheckpointDir(checkpointsDir(ctx.config));
  for (const seq of [...local.keys()].sort((a, b) => a - b)) {
    const f = local.get(seq)!;
    const name = checkpointFileName(seq);
    await put(name, f.bytes, false);
    if (f.sig) await put(`${name}.sig`, f.sig, false);
  }
  await put('operator.crt', Buffer.from(signer.certificate.pem), true);
  await put('ca.pem', Buffer.from(signer.trusted.map((c) => c.pem).join('')), true);
  await put('VERIFY.txt', Buffer.from(verifyInstructions(), 'utf8'), true);
  return result;
}

function verifyInstructions(): string {
  return `Контрольные точки журнала аудита ОССиГ / Audit log checkpoints of OSSiG

Каждый файл checkpoint-NNNNNNNN.json подписан открепленной подписью CAdES-BES
(ГОСТ Р 34.10-2012, Стрибог-256) ключом информационного оператора: файл .sig рядом.
Each checkpoint-NNNNNNNN.json carries a detached CAdES-BES signature (.sig) by the
operator's GOST key: the head of the audit log (headId, headHash), the number of rows
up to it (count), the time, and the SHA-256 of the previous checkpoint.

Проверка OpenSSL (пакет libengine-gost-openssl) / Checking with OpenSSL's GOST engine:

  for f in checkpoint-*.json; do
    openssl cms -verify -engine gost -binary -inform DER -in "$f.sig" -content "$f" \\
      -CAfile ca.pem -partial_chain -purpose any -out /dev/null || echo "НЕ ПРОШЛА / FAILED: $f"
  done

Цепочку точек можно проверить так: previous.sha256 каждой точки равен
sha256sum предыдущего файла. / previous.sha256 of each checkpoint equals the
sha256sum of the file before it.

Сверка журнала с этими копиями / Checking the log against these copies:
  npm run audit:verify -- --with <этот каталог / this directory>
`;
}
