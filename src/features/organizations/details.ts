/**
 * An organization's details as documents print them — name, short name,
 * ИНН, ОГРН/ОГРНИП, КПП, address — and where each came from: the state
 * register (ЕГРЮЛ for legal entities, ЕГРИП for entrepreneurs), the
 * e-signature certificate its head signed in with, or typed by hand.
 *
 * Documents take a snapshot when they are ordered (`snapshotOrganizations`)
 * and print that, so a later change of name never reaches a document already
 * issued; the snapshot says where the details came from and when.
 */
import type { Db } from '../../platform/db/pool.js';
import type { DetailSource, OrganizationDetailField } from '../../platform/db/schema.js';
import { formatMoscowDate } from '../../domain/period.js';

export interface OrganizationDetails {
  id: string;
  kind: 'legal' | 'individual';
  name: string;
  shortName: string | null;
  inn: string;
  ogrn: string | null;
  kpp: string | null;
  address: string | null;
  /** Where each detail came from. */
  sources: Partial<Record<OrganizationDetailField, DetailSource>>;
  /** When the register was last asked (ISO), if ever. */
  registerCheckedAt: string | null;
  /** When a detail last changed (ISO), if known. */
  changedAt: string | null;
}

export const DETAIL_LABELS: Readonly<Record<OrganizationDetailField, string>> = {
  name: 'наименование',
  short_name: 'сокращённое наименование',
  inn: 'ИНН',
  ogrn: 'ОГРН',
  kpp: 'КПП',
  address: 'адрес',
};

/** Details of these organizations now, by id. */
export async function organizationDetails(db: Db, ids: readonly string[]): Promise<Map<string, OrganizationDetails>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .withTables<{ organizations: { profile_checked_at: Date | null } }>()
    .selectFrom('organizations')
    .select(['id', 'kind', 'name', 'short_name', 'inn', 'ogrn', 'kpp', 'address', 'field_sources', 'profile_checked_at', 'details_changed_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((o) => [
      o.id,
      {
        id: o.id,
        kind: o.kind,
        name: o.name,
        shortName: o.short_name,
        inn: o.inn,
        ogrn: o.ogrn,
        kpp: o.kpp,
        address: o.address,
        sources: o.field_sources ?? {},
        registerCheckedAt: o.profile_checked_at ? new Date(o.profile_checked_at).toISOString() : null,
        changedAt: o.details_changed_at ? new Date(o.details_changed_at).toISOString() : null,
      },
    ]),
  );
}

const registerName = (kind: 'legal' | 'individual') => (kind === 'individual' ? 'ЕГРИП' : 'ЕГРЮЛ');

const SOURCE_PHRASE: Record<DetailSource, (d: OrganizationDetails) => string> = {
  register: (d) => `из ${registerName(d.kind)}${d.registerCheckedAt ? ` (запрос ${formatMoscowDate(new Date(d.registerCheckedAt))})` : ''}`,
  certificate: () => 'из сертификата электронной подписи руководителя',
  manual: (d) => `введены вручную${d.changedAt ? ` (изменены ${formatMoscowDate(new Date(d.changedAt))})` : ''}`,
};

/**
 * One line on where the printed details came from: «Сведения: из ЕГРЮЛ (запрос 12.03.2026)», or
 * field by field when they differ: «наименование — введено вручную …; ИНН, ОГРН — из ЕГРЮЛ».
 */
export function detailsSourceNote(d: OrganizationDetails): string {
  const printed: OrganizationDetailField[] = ['name', 'inn', 'ogrn', 'kpp', 'address'];
  const bySource = new Map<DetailSource, OrganizationDetailField[]>();
  for (const f of printed) {
    if (f === 'kpp' && !d.kpp) continue;
    if (f === 'address' && !d.address) continue;
    if (f === 'ogrn' && !d.ogrn) continue;
    const s = d.sources[f] ?? 'manual';
    bySource.set(s, [...(bySource.get(s) ?? []), f]);
  }
  if (bySource.size <= 1) return `Сведения об организации ${SOURCE_PHRASE[[...bySource.keys()][0] ?? 'manual'](d)}`;
  const order: DetailSource[] = ['register', 'certificate', 'manual'];
  return (
    'Сведения об организации: ' +
    order
      .filter((s) => bySource.has(s))
      .map((s) => `${bySource.get(s)!.map((f) => DETAIL_LABELS[f]).join(', ')} — ${SOURCE_PHRASE[s](d)}`)
      .join('; ')
  );
}
