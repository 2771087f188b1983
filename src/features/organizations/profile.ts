/**
 * The organization's profile: its details (name, short name, КПП, address —
 * what documents print) and contacts, where each detail came from, and the
 * history of changes.
 *
 * Names and identifiers come from the state register (ЕГРЮЛ/ЕГРИП) lookup
 * (`refreshFromRegister`) or the head's e-signature certificate. A change
 * typed by hand (`updateProfileByHand`) is validated (no control or
 * invisible characters, sane length, a letter in a name), audited with the
 * values before and after, kept in the organization's history, and marked
 * «введено вручную» field by field — the profile shows it, and documents
 * ordered afterwards print where their details came from. Documents already
 * ordered keep the details of their time (see ../statements/queries.ts).
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database, DetailSource, OrganizationDetailField } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { invalid, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { checkKpp, checkPhone, identifierErrorMessage } from '../../domain/identifiers.js';
import { BANK_LABELS, checkBik, checkCorrAccount, checkSettlementAccount } from '../../domain/bank.js';
import { withIdentityColumns } from '../identity/sessions.js';
import { registerFromConfig } from './register.js';

/** Characters never accepted in a name or an address: controls, invisible and direction-changing marks, non-characters. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/**
 * A text field as typed: NFC, trimmed, runs of spaces collapsed; refused with a Russian message naming the
 * field when it holds a control, invisible or direction-changing character, is too short or too long, or
 * (`letter`) has no letter at all.
 */
export function cleanText(
  raw: unknown,
  o: { field: string; label: string; min?: number; max: number; letter?: boolean },
): { ok: true; value: string } | { ok: false; error: FieldError } {
  const err = (message: string) => ({ ok: false as const, error: { field: o.field, message: `${o.label}: ${message}` } });
  if (typeof raw !== 'string') return err('ожидается текст');
  // Tabs and line breaks (pasted addresses) are whitespace: the value is kept on one line.
  const text = raw.replace(/[\t\r\n]+/g, ' ');
  const m = FORBIDDEN.exec(text);
  if (m) {
    const cp = m[0].codePointAt(0)!;
    return err(`недопустимый символ U+${cp.toString(16).toUpperCase().padStart(4, '0')} (управляющий или невидимый) в позиции ${m.index + 1}`);
  }
  const value = text.normalize('NFC').replace(/[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
  const length = [...value].length;
  if (length < (o.min ?? 1)) return err(o.min && o.min > 1 ? `не короче ${o.min} символов` : 'обязательное поле');
  if (length > o.max) return err(`не длиннее ${o.max} символов (сейчас ${length})`);
  if (o.letter && !/\p{L}/u.test(value)) return err('должно содержать буквы');
  return { ok: true, value };
}

export interface ProfilePatch {
  name?: string;
  shortName?: string | null;
  kpp?: string | null;
  address?: string | null;
  email?: string | null;
  phone?: string | null;
  bankAccount?: string | null;
  bik?: string | null;
  corrAccount?: string | null;
  bankName?: string | null;
}

const DETAIL_FIELDS: Record<string, OrganizationDetailField> = { name: 'name', short_name: 'short_name', kpp: 'kpp', address: 'address' };

export async function getProfile(ctx: AppContext, organizationId: string) {
  const o = await withIdentityColumns(ctx.db).selectFrom('organizations').selectAll().where('id', '=', organizationId).executeTakeFirstOrThrow();
  const history = await ctx.db
    .selectFrom('register_changes as c')
    .leftJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.at', 'c.action', 'c.changes', 'c.reason', 'p.full_name'])
    .where('c.entity', '=', 'organization')
    .where('c.entity_id', '=', organizationId)
    .orderBy('c.id', 'desc')
    .limit(20)
    .execute();
  const sources = (o.field_sources ?? {}) as Partial<Record<OrganizationDetailField, DetailSource>>;
  return {
    id: o.id,
    kind: o.kind,
    inn: o.inn,
    ogrn: o.ogrn,
    kpp: o.kpp,
    name: o.name,
    shortName: o.short_name,
    address: o.address,
    email: o.email,
    phone: o.phone,
    bank: o.bank_account && o.bank_bik && o.bank_name ? { account: o.bank_account, bik: o.bank_bik, corrAccount: o.bank_corr_account, name: o.bank_name } : null,
    roles: o.roles,
    requireSecondFactor: o.require_second_factor,
    profileSource: o.profile_source,
    fieldSources: {
      name: sources.name ?? o.profile_source,
      shortName: sources.short_name ?? o.profile_source,
      inn: sources.inn ?? o.profile_source,
      ogrn: sources.ogrn ?? o.profile_source,
      kpp: sources.kpp ?? o.profile_source,
      address: sources.address ?? o.profile_source,
    },
    registerCheckedAt: o.profile_checked_at ? new Date(o.profile_checked_at).toISOString() : null,
    detailsChangedAt: o.details_changed_at ? new Date(o.details_changed_at).toISOString() : null,
    history: history.map((h) => ({
      at: new Date(h.at).toISOString(),
      action: h.action,
      by: h.full_name ?? null,
      source: h.reason ?? null,
      changes: Object.entries(h.changes as Record<string, [unknown, unknown]>).map(([field, [before, after]]) => ({
        field,
        before: before === null || before === undefined ? null : String(before),
        after: after === null || after === undefined ? null : String(after),
      })),
    })),
  };
}

export type Profile = Awaited<ReturnType<typeof getProfile>>;

/** One change of an organization's details: the row, its sources, its history entry and its audit event. */
async function applyChange(
  trx: Transaction<Database>,
  o: {
    organizationId: string;
    personId: string;
    set: Record<string, string | null>;
    source: DetailSource;
    sourceNote: string;
    action: string;
    at: Date;
    extra?: Record<string, unknown>;
    ip?: string | null;
    userAgent?: string | null;
  },
): Promise<string[]> {
  const before = await trx.selectFrom('organizations').selectAll().where('id', '=', o.organizationId).forUpdate().executeTakeFirstOrThrow();
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(o.set)) {
    const old = (before as unknown as Record<string, unknown>)[k] ?? null;
    if (old !== v) changes[k] = [old, v];
  }
  const changedDetails = Object.keys(changes).filter((k) => k in DETAIL_FIELDS);
  const sources = { ...((before.field_sources ?? {}) as Record<string, DetailSource>) };
  // Fields the register (or the certificate) gave become theirs even when unchanged; typed ones only when changed.
  for (const k of o.source === 'manual' ? changedDetails : Object.keys(o.set).filter((k) => k in DETAIL_FIELDS)) sources[DETAIL_FIELDS[k]!] = o.source;
  // The register confirms the identifiers too.
  if (o.source === 'register') sources.inn = sources.ogrn = 'register';
  await withIdentityColumns(trx)
    .updateTable('organizations')
    .set({
      ...o.set,
      field_sources: JSON.stringify(sources),
      ...(changedDetails.length ? { details_changed_at: o.at } : {}),
      ...(o.source === 'manual' ? (changedDetails.length ? { profile_source: 'manual' as const } : {}) : { profile_source: o.source, profile_checked_at: o.at }),
      ...(o.extra ?? {}),
    })
    .where('id', '=', o.organizationId)
    .execute();
  if (Object.keys(changes).length) {
    await sql`insert into register_changes (entity, entity_id, version, action, changes, reason, organization_id, person_id, at)
      values ('organization', ${o.organizationId},
        (select coalesce(max(version), 0) + 1 from register_changes where entity = 'organization' and entity_id = ${o.organizationId}),
        'updated', ${JSON.stringify(changes)}::jsonb, ${o.sourceNote}, ${o.organizationId}, ${o.personId}, ${o.at})`.execute(trx);
  }
  await audit(trx, {
    action: o.action,
    personId: o.personId,
    organizationId: o.organizationId,
    subjectType: 'organization',
    subjectId: o.organizationId,
    ip: o.ip ?? null,
    userAgent: o.userAgent ?? null,
    details: { fields: Object.keys(changes), changes, source: o.source },
  });
  return Object.keys(changes);
}

const BANK_KEYS = ['bankAccount', 'bik', 'corrAccount', 'bankName'] as const;
const BANK_COLUMNS = { bankAccount: 'bank_account', bik: 'bank_bik', corrAccount: 'bank_corr_account', bankName: 'bank_name' } as const;

/**
 * The bank details as a whole: when any of them is in the patch, the details as they would be after it
 * are checked together — all cleared, or account, БИК and bank name given (the корр. счёт too unless the
 * БИК is of a division of the Bank of Russia, «…000»), and both accounts' key digits right for the БИК —
 * so a new БИК is checked against the stored account as well. Errors name the field.
 */
function bankDetails(
  b: ProfilePatch,
  stored: { bank_account: string | null; bank_bik: string | null; bank_corr_account: string | null; bank_name: string | null },
  set: Record<string, string | null>,
  errors: FieldError[],
): void {
  if (!BANK_KEYS.some((k) => b[k] !== undefined)) return;
  const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';
  const next = Object.fromEntries(BANK_KEYS.map((k) => [k, b[k] !== undefined ? (blank(b[k]) ? null : b[k]!) : stored[BANK_COLUMNS[k]]])) as Record<(typeof BANK_KEYS)[number], string | null>;
  if (BANK_KEYS.every((k) => next[k] === null)) {
    for (const k of BANK_KEYS) if (b[k] !== undefined) set[BANK_COLUMNS[k]] = null;
    return;
  }
  const need = (k: (typeof BANK_KEYS)[number], why: string) => errors.push({ field: k, message: `${BANK_LABELS[k]}: ${why}` });
  const start = errors.length;
  const bik = next.bik === null ? null : checkBik(next.bik);
  if (bik === null) need('bik', 'обязательное поле, когда указаны банковские реквизиты');
  else if (!bik.ok) need('bik', bik.error);
  const bikOk = bik?.ok ? bik.value : null;
  if (next.bankAccount === null) need('bankAccount', 'обязательное поле, когда указаны банковские реквизиты');
  else {
    const r = checkSettlementAccount(next.bankAccount, bikOk);
    if (!r.ok) need('bankAccount', r.error);
    else next.bankAccount = r.value;
  }
  if (next.corrAccount === null) {
    if (bikOk && bikOk.slice(6) !== '000') need('corrAccount', 'обязательное поле для счёта в кредитной организации');
  } else {
    const r = checkCorrAccount(next.corrAccount, bikOk);
    if (!r.ok) need('corrAccount', r.error);
    else next.corrAccount = r.value;
  }
  if (next.bankName === null) need('bankName', 'обязательное поле, когда указаны банковские реквизиты');
  else {
    const r = cleanText(next.bankName, { field: 'bankName', label: BANK_LABELS.bankName, min: 2, max: 300, letter: true });
    if (!r.ok) errors.push(r.error);
    else next.bankName = r.value;
  }
  if (errors.length > start) return;
  next.bik = bikOk;
  for (const k of BANK_KEYS) set[BANK_COLUMNS[k]] = next[k];
}

/** The head fills or corrects the profile by hand. */
export async function updateProfileByHand(ctx: AppContext, o: { actor: Actor; patch: ProfilePatch; ip?: string | null; userAgent?: string | null }): Promise<Profile> {
  const b = o.patch;
  const errors: FieldError[] = [];
  const set: Record<string, string | null> = {};
  const text = (key: keyof ProfilePatch, column: string, spec: Parameters<typeof cleanText>[1], nullable: boolean) => {
    const v = b[key];
    if (v === undefined) return;
    if (v === null || (nullable && typeof v === 'string' && v.trim() === '')) {
      if (!nullable) errors.push({ field: spec.field, message: `${spec.label}: обязательное поле` });
      else set[column] = null;
      return;
    }
    const r = cleanText(v, spec);
    if (!r.ok) errors.push(r.error);
    else set[column] = r.value;
  };
  text('name', 'name', { field: 'name', label: 'Полное наименование', min: 3, max: 500, letter: true }, false);
  text('shortName', 'short_name', { field: 'shortName', label: 'Сокращённое наименование', min: 2, max: 300, letter: true }, true);
  text('address', 'address', { field: 'address', label: 'Адрес', min: 5, max: 1000, letter: true }, true);
  text('phone', 'phone', { field: 'phone', label: 'Телефон', min: 5, max: 30 }, true);
  text('email', 'email', { field: 'email', label: 'Электронная почта', min: 3, max: 200 }, true);
  if (typeof set.phone === 'string') {
    const r = checkPhone(set.phone);
    if (!r.ok) errors.push({ field: 'phone', message: identifierErrorMessage('phone', r.error) });
    else set.phone = r.value;
  }
  if (typeof set.email === 'string' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(set.email)) errors.push({ field: 'email', message: 'Электронная почта: адрес вида name@example.ru' });
  const org = await ctx.db
    .selectFrom('organizations')
    .select(['kind', 'bank_account', 'bank_bik', 'bank_corr_account', 'bank_name'])
    .where('id', '=', o.actor.organizationId)
    .executeTakeFirstOrThrow();
  bankDetails(b, org, set, errors);
  if (b.kpp !== undefined) {
    if (b.kpp === null || b.kpp.trim() === '') set.kpp = null;
    else if (org.kind === 'individual') errors.push({ field: 'kpp', message: 'КПП: у индивидуального предпринимателя КПП нет' });
    else {
      const r = checkKpp(b.kpp);
      if (!r.ok) errors.push({ field: 'kpp', message: identifierErrorMessage('kpp', r.error) });
      else set.kpp = r.value;
    }
  }
  if (errors.length) throw invalid(errors);
  if (Object.keys(set).length) {
    await ctx.db.transaction().execute((trx) =>
      applyChange(trx, {
        organizationId: o.actor.organizationId,
        personId: o.actor.personId,
        set,
        source: 'manual',
        sourceNote: 'введено вручную',
        action: 'organization.profile_updated',
        at: ctx.now(),
        ip: o.ip,
        userAgent: o.userAgent,
      }),
    );
  }
  return getProfile(ctx, o.actor.organizationId);
}

/** Fills the profile from ЕГРЮЛ/ЕГРИП again; says why when the register cannot answer. */
export async function refreshFromRegister(
  ctx: AppContext,
  o: { actor: Actor; ip?: string | null; userAgent?: string | null },
): Promise<{ found: boolean; reason?: string; profile: Profile }> {
  const register = registerFromConfig(ctx.config);
  const org = await ctx.db.selectFrom('organizations').select(['inn', 'kind']).where('id', '=', o.actor.organizationId).executeTakeFirstOrThrow();
  if (!register) return { found: false, reason: 'Сервис реестра не настроен: заполните профиль вручную', profile: await getProfile(ctx, o.actor.organizationId) };
  const { record, failure } = await register.lookupDetailed(org.inn);
  if (!record) {
    const reason = failure === 'not_found' ? 'Организация не найдена в реестре' : 'Реестр сейчас недоступен: заполните профиль вручную или повторите позже';
    return { found: false, reason, profile: await getProfile(ctx, o.actor.organizationId) };
  }
  // What the register says is cleaned the same way (a provider may send stray control characters).
  const clean = (v: string | null, max: number) => (v === null ? null : v.replace(new RegExp(FORBIDDEN.source, 'gu'), ' ').replace(/\s+/g, ' ').trim().slice(0, max) || null);
  await ctx.db.transaction().execute((trx) =>
    applyChange(trx, {
      organizationId: o.actor.organizationId,
      personId: o.actor.personId,
      set: { name: clean(record.name, 500) ?? org.inn, short_name: clean(record.shortName, 300), kpp: record.kpp, address: clean(record.address, 1000) },
      source: 'register',
      sourceNote: `${org.kind === 'individual' ? 'ЕГРИП' : 'ЕГРЮЛ'} (${register.name})`,
      action: 'organization.profile_from_register',
      at: ctx.now(),
      ip: o.ip,
      userAgent: o.userAgent,
    }),
  );
  return { found: true, profile: await getProfile(ctx, o.actor.organizationId) };
}

/** Require a second factor from everyone acting for the organization (or not). */
export async function setSecondFactorPolicy(ctx: AppContext, o: { actor: Actor; requireSecondFactor: boolean; ip?: string | null; userAgent?: string | null }): Promise<Profile> {
  await ctx.db.transaction().execute(async (trx) => {
    await withIdentityColumns(trx).updateTable('organizations').set({ require_second_factor: o.requireSecondFactor }).where('id', '=', o.actor.organizationId).execute();
    await audit(trx, {
      action: 'organization.second_factor_policy',
      personId: o.actor.personId,
      organizationId: o.actor.organizationId,
      details: { requireSecondFactor: o.requireSecondFactor },
      ip: o.ip ?? null,
      userAgent: o.userAgent ?? null,
    });
  });
  return getProfile(ctx, o.actor.organizationId);
}
