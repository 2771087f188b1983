/**
 * Bank details' key digits as the Bank of Russia defines them: real banks' correspondent accounts
 * pass; every other key digit fails; wrong lengths, letters, a БИК of another bank, an account in
 * a division of the Bank of Russia (БИК …000) keyed by the БИК's 5th–6th digits.
 */
import { describe, expect, it } from 'vitest';
import { accountKeyDigit, accountKeyOk, checkBik, checkCorrAccount, checkSettlementAccount } from './bank.js';

// The key sum by hand for one account, independent of the module: 23 digits × 7,1,3 …, low digits summed.
function byHand(conditional: string, account: string): number {
  const s = conditional + account;
  let sum = 0;
  for (let i = 0; i < 23; i++) sum += (Number(s[i]) * [7, 1, 3][i % 3]!) % 10;
  return sum % 10;
}

const SBER = { bik: '044525225', corr: '30101810400000000225' }; // ПАО Сбербанк, Москва
const TBANK = { bik: '044525974', corr: '30101810145250000974' }; // АО «ТБанк»
const ACCOUNT = '40702810938000000001'; // a расчётный счёт whose key (9th digit, 9) is right for БИК 044525225

describe('bank details', () => {
  it('real banks’ correspondent accounts pass; the hand computation agrees', () => {
    for (const b of [SBER, TBANK]) {
      expect(checkCorrAccount(b.corr, b.bik)).toEqual({ ok: true, value: b.corr });
      expect(byHand(`0${b.bik.slice(4, 6)}`, b.corr)).toBe(0);
    }
    expect(byHand('225', ACCOUNT)).toBe(0);
    expect(checkSettlementAccount(ACCOUNT, SBER.bik)).toEqual({ ok: true, value: ACCOUNT });
    expect(accountKeyDigit('225', ACCOUNT)).toBe('9');
  });

  it('every other key digit fails, in both accounts', () => {
    for (let k = 0; k <= 9; k++) {
      const a = ACCOUNT.slice(0, 8) + k + ACCOUNT.slice(9);
      const c = SBER.corr.slice(0, 8) + k + SBER.corr.slice(9);
      expect(checkSettlementAccount(a, SBER.bik).ok, a).toBe(k === 9);
      expect(checkCorrAccount(c, SBER.bik).ok, c).toBe(k === 4);
    }
    const bad = checkSettlementAccount('40702810038000000001', SBER.bik);
    expect(bad).toEqual({ ok: false, error: 'неверный контрольный ключ для БИК 044525225: проверьте номер счёта и БИК' });
  });

  it('the key depends on the bank: the same account under another БИК fails', () => {
    expect(checkSettlementAccount(ACCOUNT, TBANK.bik).ok).toBe(false);
    // The correspondent account of one bank under another's БИК: its last three digits differ.
    expect(checkCorrAccount(SBER.corr, TBANK.bik)).toEqual({ ok: false, error: 'последние три цифры должны совпадать с последними тремя цифрами БИК (974)' });
  });

  it('an account in a division of the Bank of Russia (БИК …000) is keyed by «0» and the БИК’s 5th–6th digits', () => {
    const bik = '044525000';
    const base = '40101810000000000001';
    const key = accountKeyDigit('025', base) // «0» + 5th–6th digits of 044525000;
    const a = base.slice(0, 8) + key + base.slice(9);
    expect(checkSettlementAccount(a, bik).ok).toBe(true);
    expect(accountKeyOk('000', a)).toBe(byHand('000', a) === 0);
    const wrong = base.slice(0, 8) + ((Number(key) + 1) % 10) + base.slice(9);
    expect(checkSettlementAccount(wrong, bik).ok).toBe(false);
  });

  it.each([
    ['4070281093800000000', SBER.bik, 'должен состоять из 20 цифр (сейчас 19)'],
    ['407028109380000000011', SBER.bik, 'должен состоять из 20 цифр (сейчас 21)'],
    ['4070281093800000000O', SBER.bik, 'должен содержать только цифры'], // a Latin O for a zero
    ['40702810938ООО00001', SBER.bik, 'должен содержать только цифры'], // Cyrillic letters
    ['', SBER.bik, 'не заполнен'],
  ])('расчётный счёт %j refused: %s', (account, bik, message) => {
    expect(checkSettlementAccount(account, bik)).toEqual({ ok: false, error: message });
  });

  it('spaces and dashes people type between the groups are dropped', () => {
    expect(checkSettlementAccount('40702 810 9 3800 0000001', SBER.bik)).toEqual({ ok: true, value: ACCOUNT });
    expect(checkBik(' 04-45-25-225 ')).toEqual({ ok: true, value: SBER.bik });
  });

  it.each([
    ['04452522', 'должен состоять из 9 цифр (сейчас 8)'],
    ['0445252250', 'должен состоять из 9 цифр (сейчас 10)'],
    ['04452522A', 'должен содержать только цифры'],
    ['144525225', 'российский БИК начинается с 0'],
  ])('БИК %j refused: %s', (bik, message) => {
    expect(checkBik(bik)).toEqual({ ok: false, error: message });
  });

  it('a correspondent account must be 30101…', () => {
    expect(checkCorrAccount('40702810400000000225', SBER.bik)).toEqual({ ok: false, error: 'корреспондентский счёт банка начинается с 30101' });
  });
});
