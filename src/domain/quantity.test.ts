import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  compareDecimal,
  formatRu,
  fromScaled,
  parseMass,
  parseVolume,
  sumDecimals,
  toScaled,
} from './quantity.js';

describe('parseVolume (m³, 2 decimals)', () => {
  it('accepts comma and dot, pads to 2 decimals', () => {
    expect(parseVolume('12,5')).toEqual({ ok: true, value: '12.50' });
    expect(parseVolume('12.50')).toEqual({ ok: true, value: '12.50' });
    expect(parseVolume('12')).toEqual({ ok: true, value: '12.00' });
    expect(parseVolume(' 007,1 ')).toEqual({ ok: true, value: '7.10' });
    expect(parseVolume(',5')).toEqual({ ok: true, value: '0.50' });
    expect(parseVolume('12.')).toEqual({ ok: true, value: '12.00' });
    expect(parseVolume('1 234,5')).toEqual({ ok: true, value: '1234.50' });
    expect(parseVolume('1\u00a0234,50')).toEqual({ ok: true, value: '1234.50' });
    expect(parseVolume('0,01')).toEqual({ ok: true, value: '0.01' });
  });

  it('accepts numbers through their decimal representation', () => {
    expect(parseVolume(12.5)).toEqual({ ok: true, value: '12.50' });
    expect(parseVolume(20)).toEqual({ ok: true, value: '20.00' });
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point: refused, not rounded.
    expect(parseVolume(0.1 + 0.2).ok).toBe(false);
  });

  it('rejects zero, negatives, too many decimals and non-numbers', () => {
    expect(parseVolume('0')).toEqual({ ok: false, error: 'должно быть больше нуля' });
    expect(parseVolume('0,00')).toEqual({ ok: false, error: 'должно быть больше нуля' });
    expect(parseVolume('-1')).toEqual({ ok: false, error: 'не может быть отрицательным' });
    expect(parseVolume('−1,5')).toEqual({ ok: false, error: 'не может быть отрицательным' });
    expect(parseVolume(-3)).toEqual({ ok: false, error: 'не может быть отрицательным' });
    expect(parseVolume('12,505')).toEqual({ ok: false, error: 'допускается не более 2 знаков после запятой' });
    expect(parseVolume('abc')).toEqual({ ok: false, error: 'должно быть числом' });
    expect(parseVolume('12,5,1')).toEqual({ ok: false, error: 'должно быть числом' });
    expect(parseVolume('1e3')).toEqual({ ok: false, error: 'должно быть числом' });
    expect(parseVolume(',')).toEqual({ ok: false, error: 'должно быть числом' });
    expect(parseVolume('')).toEqual({ ok: false, error: 'не заполнено' });
    expect(parseVolume(Number.NaN)).toEqual({ ok: false, error: 'должно быть числом' });
    expect(parseVolume(Number.POSITIVE_INFINITY).ok).toBe(false);
  });
});

describe('parseMass (t, 3 decimals)', () => {
  it('pads to 3 decimals', () => {
    expect(parseMass('12,5')).toEqual({ ok: true, value: '12.500' });
    expect(parseMass('0.125')).toEqual({ ok: true, value: '0.125' });
    expect(parseMass(25)).toEqual({ ok: true, value: '25.000' });
  });

  it('rejects a 4th decimal', () => {
    expect(parseMass('0,1255')).toEqual({ ok: false, error: 'допускается не более 3 знаков после запятой' });
    expect(parseMass('0')).toEqual({ ok: false, error: 'должно быть больше нуля' });
  });
});

describe('arithmetic', () => {
  it('adds exactly', () => {
    expect(addDecimal('0.10', '0.20', 2)).toBe('0.30');
    expect(addDecimal('12.50', '0.5', 2)).toBe('13.00');
    expect(addDecimal('0.001', '0.002', 3)).toBe('0.003');
    expect(addDecimal('5.00', '-7.25', 2)).toBe('-2.25');
    expect(addDecimal('12.500', '1', 2)).toBe('13.50');
  });

  it('keeps exactness past 2^53', () => {
    expect(addDecimal('90071992547409.93', '0.01', 2)).toBe('90071992547409.94');
    expect(sumDecimals(Array.from({ length: 1000 }, () => '0.01'), 2)).toBe('10.00');
    expect(sumDecimals([], 3)).toBe('0.000');
  });

  it('refuses values with more decimals than the scale', () => {
    expect(() => addDecimal('0.125', '1', 2)).toThrow(RangeError);
    expect(() => toScaled('1,5', 2)).toThrow(RangeError);
  });

  it('converts to and from scaled BigInt', () => {
    expect(toScaled('12.5', 2)).toBe(1250n);
    expect(toScaled('-0.05', 2)).toBe(-5n);
    expect(fromScaled(5n, 3)).toBe('0.005');
    expect(fromScaled(-1250n, 2)).toBe('-12.50');
    expect(fromScaled(0n, 2)).toBe('0.00');
    expect(fromScaled(42n, 0)).toBe('42');
  });

  it('compares across scales', () => {
    expect(compareDecimal('12.5', '12.50')).toBe(0);
    expect(compareDecimal('12.49', '12.5')).toBe(-1);
    expect(compareDecimal('100.000', '99.999')).toBe(1);
    expect(compareDecimal('-1', '0.01')).toBe(-1);
    expect(['10.00', '9.50', '100.00', '0.01'].sort(compareDecimal)).toEqual(['0.01', '9.50', '10.00', '100.00']);
  });
});

describe('formatRu', () => {
  const nb = '\u00a0';
  it('groups thousands with a no-break space and uses a comma', () => {
    expect(formatRu('1234.50')).toBe(`1${nb}234,50`);
    expect(formatRu('1234567.125')).toBe(`1${nb}234${nb}567,125`);
    expect(formatRu('999.00')).toBe('999,00');
    expect(formatRu('0.50')).toBe('0,50');
    expect(formatRu('1000')).toBe(`1${nb}000`);
    expect(formatRu('-12345.6')).toBe(`-12${nb}345,6`);
  });

  it('round-trips through parseVolume', () => {
    const v = parseVolume('1234567,89');
    expect(v.ok && parseVolume(formatRu(v.value))).toEqual({ ok: true, value: '1234567.89' });
  });

  it('throws on non-canonical input', () => {
    expect(() => formatRu('12,5')).toThrow(RangeError);
  });
});
