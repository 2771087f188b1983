/**
 * What an application lacks before it can be submitted — all of it at once,
 * each item naming its field in Russian. The same list is the draft's
 * checklist in the cabinet, so the user sees it before pressing «Подать».
 * Which fields are required is a table (`REQUIRED_FILES` and the checks
 * below), re-checked at submission against the registers as they are then
 * (a facility suspended since, a carrier whose access was suspended).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { FieldError } from '../../platform/http/errors.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { ATTACHMENT_KINDS } from './reasons.js';
import type { ApplicationKind, FileKind } from './tables.js';
import type { ApplicationRow, CarrierView, FileView, LineView } from './load.js';

/** Attachments a new permit's application needs (an amendment needs none: the operator may ask). */
export const REQUIRED_FILES: Readonly<Record<ApplicationKind, readonly Exclude<FileKind, 'message'>[]>> = Object.freeze({
  permit: ['regulation', 'carrier_contract', 'facility_contract'],
  amendment: [],
});

const isoRu = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

export async function missingForSubmit(
  db: Db | Transaction<Database>,
  row: ApplicationRow,
  d: {
    lines: LineView[];
    carriers: CarrierView[];
    files: FileView[];
    today: string;
    /** The application's site as already read (the card reads it with the rest); read here when absent. */
    site?: { archived_at: Date | string | null; producer_id: string } | null;
  },
): Promise<FieldError[]> {
  const out: FieldError[] = [];
  const add = (field: string, message: string) => out.push({ field, message });

  if (!row.site_id) add('siteId', 'Объект: выберите объект образования ОСС');
  else {
    const site = d.site !== undefined ? d.site : await db.selectFrom('sites').select(['archived_at', 'producer_id']).where('id', '=', row.site_id).executeTakeFirst();
    if (!site || site.producer_id !== row.organization_id) add('siteId', 'Объект: объект не найден среди объектов вашей организации');
    else if (site.archived_at) add('siteId', 'Объект: объект перенесён в архив; выберите действующий объект');
  }
  if (!row.works_from) add('worksFrom', 'Начало работ: укажите дату');
  if (!row.works_to) add('worksTo', 'Окончание работ: укажите дату');
  else if (row.works_to < d.today) add('worksTo', `Окончание работ: дата ${isoRu(row.works_to)} уже прошла`);
  if (!row.district) add('district', 'Округ: выберите административный округ, в котором расположен объект');

  if (d.lines.length === 0) add('lines', 'Виды отходов: добавьте хотя бы один вид отходов (код ФККО) с объёмом');
  d.lines.forEach((l, i) => {
    const at = `lines[${i}]`;
    const label = `Виды отходов, строка ${i + 1}`;
    if (!l.wasteCode) add(`${at}.wasteCode`, `${label}: выберите код ФККО`);
    if (!l.volume) add(`${at}.volume`, `${label}: укажите планируемый объём, м³`);
    if (l.facilities.length === 0) add(`${at}.facilityObjectIds`, `${label}: выберите объект приёма`);
    l.facilities.forEach((f, k) => {
      if (!f.active) add(`${at}.facilityObjectIds[${k}]`, `${label}: доступ объекта приёма «${f.name}» (${f.number}) приостановлен или объект в архиве`);
      else if (l.wasteCode && !f.accepts) {
        add(`${at}.facilityObjectIds[${k}]`, `${label}: объект приёма «${f.name}» (${f.number}) не принимает отходы с кодом ${formatFkkoCode(l.wasteCode)}`);
      }
    });
  });

  if (d.carriers.length === 0) add('carriers', 'Перевозчики: укажите хотя бы одного перевозчика (по ИНН)');
  d.carriers.forEach((c, i) => {
    if (c.suspended) add(`carriers[${i}].inn`, `Перевозчики: доступ организации «${c.name}» (ИНН ${c.inn}) приостановлен оператором`);
    else if (!c.registered && !c.inviteEmail) {
      add(`carriers[${i}].inviteEmail`, `Перевозчики: организация с ИНН ${c.inn} ещё не зарегистрирована — укажите её электронную почту, чтобы отправить приглашение`);
    }
  });

  for (const kind of REQUIRED_FILES[row.kind]) {
    if (!d.files.some((f) => f.kind === kind)) add(`files.${kind}`, `Файлы: приложите документ «${ATTACHMENT_KINDS[kind]}»`);
  }
  return out;
}
