import { describe, expect, it } from 'vitest';
import {
  checkPhone,
  checkCadastralNumber,
  checkInn,
  checkInnLegal,
  checkInnPerson,
  checkKpp,
  checkOgrn,
  checkOgrnip,
  checkPlate,
  checkSnils,
  formatSnils,
  IDENTIFIER_LABELS,
  identifierErrorMessage,
  makeValidInnLegal,
  makeValidInnPerson,
  makeValidOgrn,
  makeValidOgrnip,
  makeValidSnils,
  normalizePlate,
  snilsControlNumber,
} from './identifiers.js';

const BAD = { ok: false, error: 'неверное контрольное число' };

describe('checkInn (10 digits, legal entity)', () => {
  // 7707083893 (ПАО Сбербанк). Weights 2 4 10 3 5 9 4 6 8 over 7 7 0 7 0 8 3 8 9:
  // 14 + 28 + 0 + 21 + 0 + 72 + 12 + 48 + 72 = 267; 267 mod 11 = 3 (264 = 24·11); 3 mod 10 = 3 ✓.
  it('accepts Сбербанк 7707083893', () => {
    expect(checkInn('7707083893')).toEqual({ ok: true, value: '7707083893' });
    expect(checkInnLegal('7707083893')).toEqual({ ok: true, value: '7707083893' });
  });

  // 7736207543 (ООО «Яндекс»): 14 + 28 + 30 + 18 + 10 + 0 + 28 + 30 + 32 = 190;
  // 190 mod 11 = 3 (187 = 17·11) ✓.
  it('accepts Яндекс 7736207543, also typed with spaces and dashes', () => {
    expect(checkInn('7736207543').ok).toBe(true);
    expect(checkInn(' 7736 207-543 ')).toEqual({ ok: true, value: '7736207543' });
  });

  it('rejects one changed digit', () => {
    expect(checkInn('7707083894')).toEqual(BAD);
    expect(checkInn('7707083993')).toEqual(BAD);
    expect(checkInnLegal('7736207544')).toEqual(BAD);
  });

  it('rejects wrong length and letters', () => {
    expect(checkInn('770708389')).toEqual({ ok: false, error: 'должен состоять из 10 или 12 цифр' });
    expect(checkInn('77070838931')).toEqual({ ok: false, error: 'должен состоять из 10 или 12 цифр' });
    expect(checkInn('77070838A3')).toEqual({ ok: false, error: 'должен состоять из 10 или 12 цифр' });
    expect(checkInn('')).toEqual({ ok: false, error: 'не заполнен' });
    expect(checkInnLegal('500100732259')).toEqual({ ok: false, error: 'должен состоять из 10 цифр' });
  });
});

describe('checkInn (12 digits, person / ИП)', () => {
  // 500100732259. Digits 5 0 0 1 0 0 7 3 2 2 | 5 9.
  // 11th: weights 7 2 4 10 3 5 9 4 6 8 → 35 + 0 + 0 + 10 + 0 + 0 + 63 + 12 + 12 + 16 = 148;
  //       148 mod 11 = 5 (143 = 13·11) ✓ (d11 = 5).
  // 12th: weights 3 7 2 4 10 3 5 9 4 6 8 → 15 + 0 + 0 + 4 + 0 + 0 + 35 + 27 + 8 + 12 + 40 = 141;
  //       141 mod 11 = 9 (132 = 12·11) ✓ (d12 = 9).
  it('accepts 500100732259', () => {
    expect(checkInn('500100732259')).toEqual({ ok: true, value: '500100732259' });
    expect(checkInnPerson('5001 0073 2259')).toEqual({ ok: true, value: '500100732259' });
  });

  it('rejects a wrong 11th or 12th digit', () => {
    expect(checkInn('500100732269')).toEqual(BAD);
    expect(checkInn('500100732258')).toEqual(BAD);
    expect(checkInn('500100733259')).toEqual(BAD);
  });

  it('checkInnPerson rejects a 10-digit ИНН', () => {
    expect(checkInnPerson('7707083893')).toEqual({ ok: false, error: 'должен состоять из 12 цифр' });
  });
});

describe('checkOgrn', () => {
  // 1027700132195 (ПАО Сбербанк). 102770013219 mod 11 by the alternating digit sum
  // from the right: +9 −1 +2 −3 +1 −0 +0 −7 +7 −2 +0 −1 = 5 → check 5 ✓.
  it('accepts 1027700132195', () => {
    expect(checkOgrn('1027700132195')).toEqual({ ok: true, value: '1027700132195' });
  });

  // 1027739850962: 102773985096, alternating sum from the right
  // +6 −9 +0 −5 +8 −9 +3 −7 +7 −2 +0 −1 = −9 ≡ 2 (mod 11) → check 2 ✓.
  it('accepts 1027739850962 typed with spaces', () => {
    expect(checkOgrn('1 02 77 39 85096 2')).toEqual({ ok: true, value: '1027739850962' });
  });

  it('rejects one changed digit, wrong length, letters, wrong first digit', () => {
    expect(checkOgrn('1027700132196')).toEqual(BAD);
    expect(checkOgrn('1027700132295')).toEqual(BAD);
    expect(checkOgrn('102770013219')).toEqual({ ok: false, error: 'должен состоять из 13 цифр' });
    expect(checkOgrn('10277001321A5')).toEqual({ ok: false, error: 'должен состоять из 13 цифр' });
    expect(checkOgrn('3027700132195')).toEqual({ ok: false, error: 'должен начинаться с цифры 1 или 5' });
  });
});

describe('checkOgrnip', () => {
  // 304500116000157, the widely cited sample ОГРНИП. 30450011600015 mod 13 by long
  // division, remainder after each digit 3 0 4 5 0 0 1 1 6 0 0 0 1 5:
  // 3, 4, 5, 3, 4, 1, 11, 7, 11, 6, 8, 2, 8, 7 → 7 mod 10 = 7 ✓.
  it('accepts 304500116000157', () => {
    expect(checkOgrnip('304500116000157')).toEqual({ ok: true, value: '304500116000157' });
  });

  it('rejects a changed digit, wrong length, ОГРН of a company', () => {
    expect(checkOgrnip('304500116000158')).toEqual(BAD);
    expect(checkOgrnip('30450011600015')).toEqual({ ok: false, error: 'должен состоять из 15 цифр' });
    expect(checkOgrnip('1027700132195')).toEqual({ ok: false, error: 'должен состоять из 15 цифр' });
    expect(checkOgrnip('104500116000157')).toEqual({ ok: false, error: 'должен начинаться с цифры 3' });
  });
});

describe('checkSnils', () => {
  // 112-233-445 95: 1·9 + 1·8 + 2·7 + 2·6 + 3·5 + 3·4 + 4·3 + 4·2 + 5·1 = 95 < 100 → 95 ✓.
  it('accepts 112-233-445 95 in both formats', () => {
    expect(checkSnils('112-233-445 95')).toEqual({ ok: true, value: '11223344595' });
    expect(checkSnils('11223344595')).toEqual({ ok: true, value: '11223344595' });
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });

  it('rejects a changed digit, wrong length and letters', () => {
    expect(checkSnils('112-233-445 96')).toEqual(BAD);
    expect(checkSnils('112-233-446 95')).toEqual(BAD);
    expect(checkSnils('112-233-445 9')).toEqual({ ok: false, error: 'должен состоять из 11 цифр' });
    expect(checkSnils('112-233-44A 95')).toEqual({ ok: false, error: 'должен содержать только цифры' });
  });

  // 100-427-626: 9 + 0 + 0 + 24 + 10 + 28 + 18 + 4 + 6 = 99 → 99.
  it('sum 99 → 99', () => {
    expect(snilsControlNumber('100427626')).toBe('99');
    expect(checkSnils('100-427-626 99').ok).toBe(true);
  });

  // 100-356-355: 9 + 0 + 0 + 18 + 25 + 24 + 9 + 10 + 5 = 100 → 00.
  it('sum 100 → 00', () => {
    expect(snilsControlNumber('100356355')).toBe('00');
    expect(checkSnils('100-356-355 00').ok).toBe(true);
    expect(checkSnils('100-356-355 10')).toEqual(BAD);
  });

  // 100-079-190: 9 + 0 + 0 + 0 + 35 + 36 + 3 + 18 + 0 = 101 → 00.
  it('sum 101 → 00', () => {
    expect(snilsControlNumber('100079190')).toBe('00');
    expect(checkSnils('100-079-190 00').ok).toBe(true);
    expect(checkSnils('100-079-190 01')).toEqual(BAD);
  });

  // 100-958-199: 9 + 0 + 0 + 54 + 25 + 32 + 3 + 18 + 9 = 150 → 150 mod 101 = 49.
  it('sum > 101 → sum mod 101', () => {
    expect(snilsControlNumber('100958199')).toBe('49');
    expect(checkSnils('100-958-199 49').ok).toBe(true);
    expect(checkSnils('100-958-199 50')).toEqual(BAD);
  });

  // 106-897-449: 9 + 0 + 42 + 48 + 45 + 28 + 12 + 8 + 9 = 201 → 201 mod 101 = 100 → 00.
  it('sum mod 101 = 100 → 00', () => {
    expect(snilsControlNumber('106897449')).toBe('00');
    expect(checkSnils('106-897-449 00').ok).toBe(true);
  });

  // 001-001-999: 0 + 0 + 7 + 0 + 0 + 4 + 27 + 18 + 9 = 65.
  it('numbers up to 001-001-998 have no checked control number', () => {
    expect(checkSnils('001-001-998 00').ok).toBe(true);
    expect(checkSnils('001-001-998 77').ok).toBe(true);
    expect(checkSnils('000-000-001 42').ok).toBe(true);
    expect(checkSnils('001-001-999 65').ok).toBe(true);
    expect(checkSnils('001-001-999 00')).toEqual(BAD);
  });
});

describe('checkKpp', () => {
  it('accepts digits and upper-case Latin letters in the 5th–6th places', () => {
    expect(checkKpp('773601001')).toEqual({ ok: true, value: '773601001' });
    expect(checkKpp('7736AB001')).toEqual({ ok: true, value: '7736AB001' });
    expect(checkKpp('7736ab001')).toEqual({ ok: true, value: '7736AB001' });
    expect(checkKpp(' 7736 01 001 ')).toEqual({ ok: true, value: '773601001' });
  });

  it('rejects wrong length and letters in digit places', () => {
    expect(checkKpp('77360100')).toEqual({ ok: false, error: 'должен состоять из 9 знаков' });
    expect(checkKpp('A73601001').ok).toBe(false);
    expect(checkKpp('7736010A1').ok).toBe(false);
    expect(checkKpp('7736ЖЖ001').ok).toBe(false);
  });
});

describe('checkCadastralNumber', () => {
  it('accepts округ:район:квартал:номер', () => {
    expect(checkCadastralNumber('77:01:0001001:1234')).toEqual({ ok: true, value: '77:01:0001001:1234' });
    expect(checkCadastralNumber('50:21:010101:5')).toEqual({ ok: true, value: '50:21:010101:5' });
    expect(checkCadastralNumber(' 77:01:0001001:1 ').ok).toBe(true);
  });

  it('rejects other shapes', () => {
    expect(checkCadastralNumber('77:1:0001001:1234').ok).toBe(false);
    expect(checkCadastralNumber('77:01:00010:1234').ok).toBe(false);
    expect(checkCadastralNumber('77:01:00010011:1234').ok).toBe(false);
    expect(checkCadastralNumber('77:01:0001001').ok).toBe(false);
    expect(checkCadastralNumber('77-01-0001001-1234').ok).toBe(false);
    expect(checkCadastralNumber('77:01:0001001:').ok).toBe(false);
  });
});

describe('plates', () => {
  it('accepts regular plates with 2- and 3-digit regions', () => {
    expect(checkPlate('А123ВС77')).toEqual({ ok: true, value: 'А123ВС77' });
    expect(checkPlate('А123ВС777')).toEqual({ ok: true, value: 'А123ВС777' });
    expect(checkPlate('Х001ХХ797')).toEqual({ ok: true, value: 'Х001ХХ797' });
    expect(checkPlate('м 456 ор 199')).toEqual({ ok: true, value: 'М456ОР199' });
  });

  it('maps Latin look-alikes of any case to Cyrillic', () => {
    // Every letter below is Latin.
    expect(normalizePlate('a123bc77')).toBe('А123ВС77');
    expect(checkPlate('A123BC 777')).toEqual({ ok: true, value: 'А123ВС777' });
    expect(checkPlate('e001kx97')).toEqual({ ok: true, value: 'Е001КХ97' });
    expect(normalizePlate('ABEKMHOPCTYX')).toBe('АВЕКМНОРСТУХ');
    expect(normalizePlate('abekmhopctyx')).toBe('АВЕКМНОРСТУХ');
  });

  it('names a forbidden letter', () => {
    expect(checkPlate('D123BC77')).toEqual({ ok: false, error: 'буква «D» недопустима в госномере' });
    expect(checkPlate('A123ZC77')).toEqual({ ok: false, error: 'буква «Z» недопустима в госномере' });
    expect(checkPlate('Ж123ВС77')).toEqual({ ok: false, error: 'буква «Ж» недопустима в госномере' });
    expect(checkPlate('а123вд77')).toEqual({ ok: false, error: 'буква «Д» недопустима в госномере' });
  });

  it('rejects region 00 and wrong shapes', () => {
    expect(checkPlate('А123ВС00')).toEqual({ ok: false, error: 'код региона 00 недопустим' });
    expect(checkPlate('А123ВС000').ok).toBe(false);
    expect(checkPlate('А123ВС077').ok).toBe(false);
    expect(checkPlate('А000ВС77').ok).toBe(false);
    expect(checkPlate('А12ВС77')).toEqual({ ok: false, error: 'должен иметь вид А123ВС77 или А123ВС777' });
    expect(checkPlate('А123ВС7777').ok).toBe(false);
    expect(checkPlate('АВ123С77').ok).toBe(false);
    expect(checkPlate('А123ВС7').ok).toBe(false);
    expect(checkPlate('А123ВС#77')).toEqual({ ok: false, error: 'символ «#» недопустим в госномере' });
    expect(checkPlate('')).toEqual({ ok: false, error: 'не заполнен' });
  });
});

describe('checkPhone', () => {
  it.each([
    ['+7 (495) 123-45-67', '+74951234567'],
    ['8 916 123 45 67', '+79161234567'],
    ['84951234567', '+74951234567'],
    ['79161234567', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['+7 800 555-35-35', '+78005553535'],
    ['  +7\u00a0916\u00a0123-45-67 ', '+79161234567'],
  ])('%s → %s', (input, value) => {
    expect(checkPhone(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', /не заполнен/],
    ['позвоните мне', /только цифры/],
    ['+7 916 123 45 67 доб. 5', /только цифры/],
    ['+7 916 123 45', /10 цифр после \+7/],
    ['+8 916 123 45 67', /10 цифр после \+7/],
    ['+49 30 1234567', /10 цифр после \+7/],
    ['+7 716 123 45 67', /начинается с 3, 4, 8 или 9/],
    ['1234567890', /начинается с 3, 4, 8 или 9/],
    ['+7 916 123 45 67\u0000', /только цифры/],
  ])('refuses %j', (input, message) => {
    const r = checkPhone(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('labels', () => {
  it('has Russian labels for every kind', () => {
    expect(IDENTIFIER_LABELS).toEqual({
      inn: 'ИНН',
      ogrn: 'ОГРН',
      ogrnip: 'ОГРНИП',
      snils: 'СНИЛС',
      kpp: 'КПП',
      cadastralNumber: 'Кадастровый номер',
      plate: 'Госномер ТС',
      phone: 'Телефон',
    });
    expect(identifierErrorMessage('inn', 'неверное контрольное число')).toBe('ИНН: неверное контрольное число');
  });
});

describe('generators', () => {
  const seeds = Array.from({ length: 500 }, (_, i) => i * 37 - 100);

  it('are deterministic', () => {
    expect(makeValidInnLegal(42)).toBe(makeValidInnLegal(42));
    expect(makeValidOgrnip(7)).toBe(makeValidOgrnip(7));
  });

  it('produce numbers that pass the checkers', () => {
    for (const seed of seeds) {
      expect(checkInnLegal(makeValidInnLegal(seed)).ok, `ИНН ЮЛ ${seed}`).toBe(true);
      expect(checkInnPerson(makeValidInnPerson(seed)).ok, `ИНН ФЛ ${seed}`).toBe(true);
      expect(checkOgrn(makeValidOgrn(seed)).ok, `ОГРН ${seed}`).toBe(true);
      expect(checkOgrnip(makeValidOgrnip(seed)).ok, `ОГРНИП ${seed}`).toBe(true);
      const snils = makeValidSnils(seed);
      expect(Number(snils.slice(0, 9))).toBeGreaterThan(1001998);
      expect(checkSnils(snils).ok, `СНИЛС ${seed}`).toBe(true);
    }
  });

  it('give different numbers for different seeds', () => {
    for (const make of [makeValidInnLegal, makeValidInnPerson, makeValidOgrn, makeValidOgrnip, makeValidSnils]) {
      expect(new Set(seeds.map(make)).size).toBe(seeds.length);
    }
  });

  it('have the expected lengths', () => {
    expect(makeValidInnLegal(1)).toMatch(/^77\d{8}$/);
    expect(makeValidInnPerson(1)).toMatch(/^77\d{10}$/);
    expect(makeValidOgrn(1)).toMatch(/^1\d{12}$/);
    expect(makeValidOgrnip(1)).toMatch(/^3\d{14}$/);
    expect(makeValidSnils(1)).toMatch(/^\d{11}$/);
  });
});
