import { describe, expect, it } from 'vitest';
import { typesetQuotes } from './typography.js';

describe('typesetQuotes', () => {
  it.each([
    ['АО «Полигон «Северный»»', 'АО «Полигон „Северный“»'],
    ['АО "Полигон "Северный""', 'АО «Полигон „Северный“»'],
    ['ООО «Ромашка»', 'ООО «Ромашка»'],
    ['ООО "Ромашка"', 'ООО «Ромашка»'],
    ['«Полигон „Северный“»', '«Полигон „Северный“»'],
    ['ГКУ «ИО «ОССиГ» при ДГХ «Мосгорпроект»»', 'ГКУ «ИО „ОССиГ“ при ДГХ „Мосгорпроект“»'],
    ['ООО «А «Б «В»»»', 'ООО «А „Б „В““»'],
    ['без кавычек', 'без кавычек'],
    ['O\'Neil & Co', 'O\'Neil & Co'],
  ])('%s → %s', (input, expected) => {
    expect(typesetQuotes(input)).toBe(expected);
  });

  it('never drops characters', () => {
    for (const s of ['»лишняя', 'a"b', '«не закрыта', '"""']) expect([...typesetQuotes(s)].length).toBe([...s].length);
  });
});
