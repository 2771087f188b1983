/**
 * ФККО — Федеральный классификационный каталог отходов (приказ
 * Росприроднадзора от 22.05.2017 № 242, с изменениями): the part of block 8
 * «Отходы строительства и ремонта» that producers of construction and
 * demolition waste and soil in Moscow actually declare.
 *
 * Source of every code and name below (each entry was read there):
 *   the catalogue as published at https://rpn.gov.ru/fkko/ (the item page is
 *   https://rpn.gov.ru/fkko/<11 digits>/), read through its export dated
 *   2026-03-25 in the public repository github.com/indiecastor/FKKO, file
 *   fkko-2026-03-25.csv (commit 83f45a49819d29a81c8e3a6c789deeb3c2c1fa43).
 * Cross-checked for 8 90 000 01 72 4 and 8 22 201 01 21 5 against
 *   https://ecolog-pravo.ru/perechen-othodov-ot-snosa-demontazha .
 * Names are kept verbatim, except «v классу» → «V классу» in 8 90 011 11 72 5
 * (the export lower-cases the Roman numeral).
 *
 * Codes are kept as 11 digits without spaces; `formatFkkoCode` gives the
 * usual «8 22 201 01 21 5» grouping. The last digit is the hazard class.
 */

/** One kind of waste (вид отходов) of the catalogue. */
export interface WasteType {
  /** 11 digits, no spaces. */
  readonly code: string;
  readonly name: string;
}

/** Hazard class of a kind of waste: I (extremely hazardous) … V (practically non-hazardous). */
export type HazardClass = 1 | 2 | 3 | 4 | 5;

/** Russian labels of the hazard classes. */
export const HAZARD_CLASS_LABELS: Readonly<Record<HazardClass, string>> = Object.freeze({
  1: 'I класс — чрезвычайно опасные',
  2: 'II класс — высокоопасные',
  3: 'III класс — умеренно опасные',
  4: 'IV класс — малоопасные',
  5: 'V класс — практически неопасные',
});

/** Roman numerals of the hazard classes, for compact tables. */
export const HAZARD_CLASS_ROMAN: Readonly<Record<HazardClass, string>> = Object.freeze({
  1: 'I',
  2: 'II',
  3: 'III',
  4: 'IV',
  5: 'V',
});

function w(spaced: string, name: string): WasteType {
  return Object.freeze({ code: spaced.replace(/ /g, ''), name });
}

/** Construction and demolition waste kinds, in catalogue order. */
export const FKKO_CONSTRUCTION: readonly WasteType[] = Object.freeze([
  // 8 11 — отходы грунта при проведении земляных работ
  w('8 11 100 01 49 5', 'Грунт, образовавшийся при проведении землеройных работ, не загрязненный опасными веществами'),
  w('8 11 111 11 49 4', 'Отходы грунта при проведении открытых земляных работ малоопасные'),
  w('8 11 111 12 49 5', 'Отходы грунта при проведении открытых земляных работ практически неопасные'),
  w('8 11 112 21 40 5', 'Отходы торфа при проведении открытых земляных работ'),
  w('8 11 115 31 40 4', 'Грунт насыпной, загрязненный отходами строительных материалов'),
  // 8 12 — отходы от сноса и разборки зданий
  w('8 12 101 01 72 4', 'Древесные отходы от сноса и разборки зданий'),
  w('8 12 201 01 20 5', 'Лом кирпичной кладки от сноса и разборки зданий'),
  w('8 12 901 01 72 4', 'Мусор от сноса и разборки зданий несортированный'),
  // 8 19 — прочие отходы подготовки строительного участка
  w('8 19 100 01 49 5', 'Отходы песка незагрязненные'),
  w('8 19 100 03 21 5', 'Отходы строительного щебня незагрязненные'),
  w('8 19 911 11 70 4', 'Отходы подготовки строительного участка, содержащие преимущественно древесину, бетон, железо'),
  // 8 21 — отходы строительных материалов на основе природного камня
  w('8 21 101 01 21 5', 'Лом бортовых камней, брусчатки, булыжных камней и прочие отходы изделий из природного камня'),
  w('8 21 511 11 40 5', 'Отходы песчано-гравийной смеси незагрязненные'),
  // 8 22 — цемент, бетон, железобетон, строительные растворы
  w('8 22 101 01 21 5', 'Отходы цемента в кусковой форме'),
  w('8 22 201 01 21 5', 'Лом бетонных изделий, отходы бетона в кусковой форме'),
  w('8 22 211 11 20 4', 'Лом бетона при строительстве и ремонте производственных зданий и сооружений'),
  w('8 22 301 01 21 5', 'Лом железобетонных изделий, отходы железобетона в кусковой форме'),
  w('8 22 401 01 21 4', 'Отходы затвердевшего строительного раствора в кусковой форме'),
  w('8 22 911 11 20 4', 'Лом бетонных, железобетонных изделий в смеси при демонтаже строительных конструкций'),
  // 8 23 — керамические строительные материалы
  w('8 23 101 01 21 5', 'Лом строительного кирпича незагрязненный'),
  w('8 23 201 01 21 5', 'Лом черепицы, керамики незагрязненный'),
  // 8 24 — материалы на основе минеральных вяжущих
  w('8 24 110 01 20 4', 'Обрезь и лом гипсокартонных листов'),
  w('8 24 211 11 20 5', 'Лом силикатных кирпичей, камней, блоков при ремонтно-строительных работах'),
  w('8 24 911 11 20 4', 'Отходы штукатурки затвердевшей малоопасные'),
  // 8 26, 8 27 — рулонные кровельные материалы, полимеры
  w('8 26 210 01 51 4', 'Отходы рубероида'),
  w('8 27 100 01 51 4', 'Отходы линолеума незагрязненные'),
  // 8 29 — прочие отходы строительства и ремонта зданий, сооружений
  w('8 29 131 11 20 5', 'Отходы опалубки деревянной, загрязненной бетоном'),
  w('8 29 171 11 71 4', 'Отходы кровельных и изоляционных материалов в смеси при ремонте кровли зданий и сооружений'),
  // 8 30 — демонтаж, ремонт автодорожных покрытий
  w('8 30 100 01 71 5', 'Лом дорожного полотна автомобильных дорог (кроме отходов битума и асфальтовых покрытий)'),
  w('8 30 200 01 71 4', 'Лом асфальтовых и асфальтобетонных покрытий'),
  // 8 90 — прочие отходы строительства и ремонта
  w('8 90 000 01 72 4', 'Отходы (мусор) от строительных и ремонтных работ'),
  w('8 90 000 02 49 4', 'Отходы (остатки) песчано-гравийной смеси при строительных, ремонтных работах'),
  w('8 90 011 11 72 5', 'Мусор от строительных и ремонтных работ, содержащий материалы, изделия, отходы которых отнесены к V классу опасности'),
]);

const BY_CODE: ReadonlyMap<string, WasteType> = new Map(FKKO_CONSTRUCTION.map((t) => [t.code, t]));

/**
 * Normalizes a code as typed: removes spaces, no-break spaces and dashes.
 * «8 22 201 01 21 5» → «82220101215». Does not validate.
 */
export function normalizeFkkoCode(s: string): string {
  return s.replace(/[\s\u00A0\u202F\-\u2010-\u2015]/g, '');
}

/** True when `s`, once normalized, is 11 digits ending in a hazard class 1..5. */
export function isFkkoCodeShape(s: string): boolean {
  return /^\d{10}[1-5]$/.test(normalizeFkkoCode(s));
}

/** Groups 11 digits the way the catalogue prints them: «8 22 201 01 21 5». */
export function formatFkkoCode(code: string): string {
  const c = normalizeFkkoCode(code);
  if (!/^\d{11}$/.test(c)) return code;
  return `${c[0]} ${c.slice(1, 3)} ${c.slice(3, 6)} ${c.slice(6, 8)} ${c.slice(8, 10)} ${c[10]}`;
}

/** Hazard class of a kind of waste: the last digit of its code; null for a malformed code or a group (0). */
export function hazardClass(code: string): HazardClass | null {
  const c = normalizeFkkoCode(code);
  if (!/^\d{11}$/.test(c)) return null;
  const d = Number(c[10]);
  return d >= 1 && d <= 5 ? (d as HazardClass) : null;
}

/** The waste type with this code (spaces allowed), or undefined if not in the catalogue subset. */
export function findWasteType(code: string): WasteType | undefined {
  return BY_CODE.get(normalizeFkkoCode(code));
}
