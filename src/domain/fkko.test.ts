import { describe, expect, it } from 'vitest';
import {
  FKKO_CONSTRUCTION,
  findWasteType,
  formatFkkoCode,
  HAZARD_CLASS_LABELS,
  HAZARD_CLASS_ROMAN,
  hazardClass,
  isFkkoCodeShape,
  normalizeFkkoCode,
} from './fkko.js';

describe('FKKO catalogue data', () => {
  it('has between 15 and 40 entries', () => {
    expect(FKKO_CONSTRUCTION.length).toBeGreaterThanOrEqual(15);
    expect(FKKO_CONSTRUCTION.length).toBeLessThanOrEqual(40);
  });

  it('every code is 11 digits of block 8', () => {
    for (const t of FKKO_CONSTRUCTION) {
      expect(t.code, t.name).toMatch(/^8\d{10}$/);
    }
  });

  it('codes are unique', () => {
    const codes = FKKO_CONSTRUCTION.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hazard class equals the last digit and is 1..5', () => {
    for (const t of FKKO_CONSTRUCTION) {
      const last = Number(t.code[10]);
      expect(last).toBeGreaterThanOrEqual(1);
      expect(last).toBeLessThanOrEqual(5);
      expect(hazardClass(t.code)).toBe(last);
    }
  });

  it('names are non-empty and trimmed', () => {
    for (const t of FKKO_CONSTRUCTION) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.name).toBe(t.name.trim());
    }
  });

  it('is sorted by code, as in the catalogue', () => {
    const codes = FKKO_CONSTRUCTION.map((t) => t.code);
    expect([...codes].sort()).toEqual(codes);
  });
});

describe('lookups', () => {
  it('finds a code typed with spaces', () => {
    expect(findWasteType('8 22 201 01 21 5')).toEqual({
      code: '82220101215',
      name: 'Лом бетонных изделий, отходы бетона в кусковой форме',
    });
    expect(findWasteType('82230101215')?.name).toBe('Лом железобетонных изделий, отходы железобетона в кусковой форме');
    expect(findWasteType(' 8 11 100 01 49 5 ')?.name).toMatch(/^Грунт, образовавшийся/);
    expect(findWasteType('8-30-200-01-71-4')?.name).toBe('Лом асфальтовых и асфальтобетонных покрытий');
  });

  it('returns undefined for unknown codes', () => {
    expect(findWasteType('8 22 201 01 21 4')).toBeUndefined();
    expect(findWasteType('')).toBeUndefined();
    expect(findWasteType('бетон')).toBeUndefined();
  });

  it('normalizes and formats codes', () => {
    expect(normalizeFkkoCode('8 90 000 01 72 4')).toBe('89000001724');
    expect(normalizeFkkoCode('8\u00a090 000 01 72 4')).toBe('89000001724');
    expect(formatFkkoCode('89000001724')).toBe('8 90 000 01 72 4');
    expect(formatFkkoCode('8 90 000 01 72 4')).toBe('8 90 000 01 72 4');
    expect(formatFkkoCode('abc')).toBe('abc');
    for (const t of FKKO_CONSTRUCTION) {
      expect(normalizeFkkoCode(formatFkkoCode(t.code))).toBe(t.code);
    }
  });

  it('hazardClass works on any well-formed code, null otherwise', () => {
    expect(hazardClass('8 90 000 01 72 4')).toBe(4);
    expect(hazardClass('4 71 101 01 52 1')).toBe(1);
    expect(hazardClass('8 00 000 00 00 0')).toBeNull();
    expect(hazardClass('8220101215')).toBeNull();
    expect(isFkkoCodeShape('8 22 201 01 21 5')).toBe(true);
    expect(isFkkoCodeShape('8 22 201 01 21 0')).toBe(false);
  });

  it('labels every hazard class in Russian', () => {
    expect(Object.keys(HAZARD_CLASS_LABELS)).toEqual(['1', '2', '3', '4', '5']);
    expect(HAZARD_CLASS_LABELS[5]).toBe('V класс — практически неопасные');
    expect(HAZARD_CLASS_LABELS[1]).toBe('I класс — чрезвычайно опасные');
    expect(HAZARD_CLASS_ROMAN[4]).toBe('IV');
  });
});
