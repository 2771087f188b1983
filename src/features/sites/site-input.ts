/**
 * The fields of a site (объект образования ОСС) and their rules, as one table
 * of checks: name and address; one or more кадастровые номера (the rule of
 * src/domain/identifiers.ts, none twice); the kind of works from the fixed
 * list; the document that allows the works (kind, number, a date not in the
 * future); planned dates, the end not before the start.
 */
import { checkCadastralNumber } from '../../domain/identifiers.js';
import type { WorksDocumentKind, WorksKind } from '../../platform/db/schema.js';
import { FieldCheck } from '../registers/input.js';
import { WORKS_DOCUMENT_LABELS, WORKS_KIND_LABELS } from '../registers/labels.js';

export const MAX_CADASTRAL_NUMBERS = 50;

export interface SiteInput {
  name?: string | null;
  address?: string | null;
  cadastralNumbers?: string[] | null;
  worksKind?: string | null;
  worksDocumentKind?: string | null;
  worksDocumentNumber?: string | null;
  worksDocumentDate?: string | null;
  plannedFrom?: string | null;
  plannedTo?: string | null;
}

/** A site's fields as the API names them (and as the history records them). */
export interface SiteFields {
  name: string;
  address: string;
  cadastralNumbers: string[];
  worksKind: WorksKind;
  worksDocumentKind: WorksDocumentKind | null;
  worksDocumentNumber: string | null;
  worksDocumentDate: string | null;
  plannedFrom: string | null;
  plannedTo: string | null;
}

/** Checks the whole input; throws every field error at once. `today`: the Moscow date, YYYY-MM-DD. */
export function checkSiteInput(input: SiteInput, today: string): SiteFields {
  const c = new FieldCheck();
  const name = c.text('name', input.name, { required: true, max: 500 });
  const address = c.text('address', input.address, { required: true, max: 1000, min: 5 });

  const numbers: string[] = [];
  const raw = input.cadastralNumbers ?? [];
  if (raw.filter((s) => s.trim() !== '').length === 0) c.add('cadastralNumbers', 'укажите хотя бы один кадастровый номер');
  else if (raw.length > MAX_CADASTRAL_NUMBERS) c.add('cadastralNumbers', `не больше ${MAX_CADASTRAL_NUMBERS}`);
  else
    raw.forEach((s, i) => {
      if (s.trim() === '') return;
      const r = checkCadastralNumber(s);
      if (!r.ok) c.addMessage(`cadastralNumbers[${i}]`, `Кадастровый номер «${s.trim()}»: ${r.error}`);
      else if (numbers.includes(r.value)) c.addMessage(`cadastralNumbers[${i}]`, `Кадастровый номер «${r.value}»: указан дважды`);
      else numbers.push(r.value);
    });

  const worksKind = c.oneOf<WorksKind>('worksKind', input.worksKind, WORKS_KIND_LABELS, { required: true });
  const docKind = c.oneOf<WorksDocumentKind>('worksDocumentKind', input.worksDocumentKind, WORKS_DOCUMENT_LABELS, { required: true });
  const docNumber = c.text('worksDocumentNumber', input.worksDocumentNumber, { required: true, max: 100 });
  const docDate = c.date('worksDocumentDate', input.worksDocumentDate, { required: true });
  if (docDate && docDate > today) c.add('worksDocumentDate', 'не может быть позже сегодняшнего дня');

  const from = c.date('plannedFrom', input.plannedFrom, { required: true });
  const to = c.date('plannedTo', input.plannedTo, { required: true });
  if (from && to && to < from) c.add('plannedTo', 'не может быть раньше планового начала работ');
  if (from && docDate && from < docDate) c.add('plannedFrom', 'не может быть раньше даты разрешительного документа');
  c.done();
  return {
    name: name!,
    address: address!,
    cadastralNumbers: numbers,
    worksKind: worksKind!,
    worksDocumentKind: docKind,
    worksDocumentNumber: docNumber,
    worksDocumentDate: docDate,
    plannedFrom: from,
    plannedTo: to,
  };
}
