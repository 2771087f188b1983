/**
 * The fields of a receiving facility (объект приёма) and their rules: name
 * and address; what is done there; the ФККО codes it accepts (each from the
 * catalogue of src/domain/fkko.ts, none twice); daily capacity in tonnes
 * and/or m³; working hours; the licence (number, date of issue, term if it
 * has one) — required when an accepted code is of hazard class I–IV
 * (Федеральный закон № 89-ФЗ ст. 9: such waste is handled under a licence;
 * class V needs none).
 */
import { findWasteType, formatFkkoCode, hazardClass, HAZARD_CLASS_ROMAN, normalizeFkkoCode } from '../../domain/fkko.js';
import type { FacilityKind } from './tables.js';
import { FieldCheck } from '../registers/input.js';
import { FACILITY_KIND_LABELS } from '../registers/labels.js';

export const MAX_WASTE_CODES = 200;
/** Larger daily figures are typos (the largest Moscow region landfills take some 10 000 t a day). */
export const MAX_DAILY_CAPACITY = 1_000_000;

export interface FacilityInput {
  name?: string | null;
  address?: string | null;
  kind?: string | null;
  wasteCodes?: string[] | null;
  dailyCapacityT?: string | number | null;
  dailyCapacityM3?: string | number | null;
  workingHours?: string | null;
  licenceNumber?: string | null;
  licenceIssuedOn?: string | null;
  licenceValidUntil?: string | null;
}

/** A facility's fields as the API names them (and as the history records them). */
export interface FacilityFields {
  name: string;
  address: string;
  kind: FacilityKind;
  wasteCodes: string[];
  dailyCapacityT: string | null;
  dailyCapacityM3: string | null;
  workingHours: string;
  licenceNumber: string | null;
  licenceIssuedOn: string | null;
  licenceValidUntil: string | null;
}

/** The accepted codes that need a licence (hazard class I–IV). */
export function licensedCodes(codes: readonly string[]): string[] {
  return codes.filter((c) => (hazardClass(c) ?? 5) <= 4);
}

/** Checks the whole input; throws every field error at once. `today`: the Moscow date, YYYY-MM-DD. */
export function checkFacilityInput(input: FacilityInput, today: string): FacilityFields {
  const c = new FieldCheck();
  const name = c.text('name', input.name, { required: true, max: 500 });
  const address = c.text('address', input.address, { required: true, max: 1000, min: 5 });
  const kind = (() => {
    const v = input.kind;
    if (v === null || v === undefined || v === '') {
      c.add('kind', 'обязательное поле', 'activity');
      return null;
    }
    if (!(v in FACILITY_KIND_LABELS)) {
      c.add('kind', `выберите из списка: ${Object.values(FACILITY_KIND_LABELS).join(', ')}`, 'activity');
      return null;
    }
    return v as FacilityKind;
  })();

  const codes: string[] = [];
  const raw = (input.wasteCodes ?? []).filter((s) => typeof s === 'string' && s.trim() !== '');
  if (raw.length === 0) c.add('wasteCodes', 'укажите хотя бы один код ФККО');
  else if (raw.length > MAX_WASTE_CODES) c.add('wasteCodes', `не больше ${MAX_WASTE_CODES}`);
  else
    (input.wasteCodes ?? []).forEach((s, i) => {
      if (typeof s !== 'string' || s.trim() === '') return;
      const code = normalizeFkkoCode(s);
      if (!findWasteType(code)) c.addMessage(`wasteCodes[${i}]`, `Принимаемые коды ФККО: код «${s.trim()}» не найден в каталоге ФККО`);
      else if (codes.includes(code)) c.addMessage(`wasteCodes[${i}]`, `Принимаемые коды ФККО: код ${formatFkkoCode(code)} указан дважды`);
      else codes.push(code);
    });
  codes.sort();

  const t = c.decimal('dailyCapacityT', input.dailyCapacityT, { kind: 'mass', max: MAX_DAILY_CAPACITY });
  const m3 = c.decimal('dailyCapacityM3', input.dailyCapacityM3, { kind: 'volume', max: MAX_DAILY_CAPACITY });
  if (!t && !m3 && !c.has('dailyCapacityT') && !c.has('dailyCapacityM3')) c.add('dailyCapacityT', 'укажите мощность объекта в тоннах или в кубических метрах в сутки');
  const hours = c.text('workingHours', input.workingHours, { required: true, max: 200 });

  const licenceNumber = c.text('licenceNumber', input.licenceNumber, { max: 100 });
  const issuedOn = c.date('licenceIssuedOn', input.licenceIssuedOn);
  const validUntil = c.date('licenceValidUntil', input.licenceValidUntil);
  const needLicence = licensedCodes(codes);
  if (needLicence.length) {
    const which = needLicence
      .slice(0, 3)
      .map((x) => `${formatFkkoCode(x)} (${HAZARD_CLASS_ROMAN[hazardClass(x)!]} класс)`)
      .join(', ');
    const why = `обязательное поле: отходы I–IV класса опасности принимаются только по лицензии — ${which}${needLicence.length > 3 ? ' и другие' : ''}`;
    if (!licenceNumber) c.add('licenceNumber', why);
    if (!issuedOn && !c.has('licenceIssuedOn')) c.add('licenceIssuedOn', 'обязательное поле, если указана лицензия');
  } else if (licenceNumber && !issuedOn && !c.has('licenceIssuedOn')) c.add('licenceIssuedOn', 'обязательное поле, если указана лицензия');
  if (!licenceNumber && (issuedOn || validUntil) && !needLicence.length) c.add('licenceNumber', 'укажите номер лицензии или уберите её даты');
  if (issuedOn && issuedOn > today) c.add('licenceIssuedOn', 'не может быть позже сегодняшнего дня');
  if (validUntil && issuedOn && validUntil < issuedOn) c.add('licenceValidUntil', 'не может быть раньше даты выдачи лицензии');
  else if (validUntil && validUntil < today && needLicence.length) c.add('licenceValidUntil', 'срок действия лицензии истёк — отходы I–IV класса опасности без действующей лицензии принимать нельзя');
  c.done();
  return {
    name: name!,
    address: address!,
    kind: kind!,
    wasteCodes: codes,
    dailyCapacityT: t,
    dailyCapacityM3: m3,
    workingHours: hours!,
    licenceNumber,
    licenceIssuedOn: issuedOn,
    licenceValidUntil: validUntil,
  };
}
