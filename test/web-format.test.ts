/** The cabinet's own formatting rules that decide what a person is told (web/src/lib/format.ts). */
import { describe, expect, it } from 'vitest';
import { uploadTone } from '../web/src/lib/format.js';

describe('uploadTone: an honest mark for a processed upload', () => {
  it('green only when every row was accepted', () => {
    expect(uploadTone({ accepted: 10, rejected: 0 })).toMatchObject({ color: 'teal', mark: '✓' });
    expect(uploadTone({ accepted: 9, rejected: 1 })).toMatchObject({ color: 'yellow', label: 'обработан, часть строк отклонена' });
  });
  it('red when most or all rows were refused', () => {
    expect(uploadTone({ accepted: 1, rejected: 9 })).toMatchObject({ color: 'red', label: 'обработан, большая часть строк отклонена' });
    expect(uploadTone({ accepted: 5, rejected: 5 })).toMatchObject({ color: 'red' });
    expect(uploadTone({ accepted: 0, rejected: 3 })).toMatchObject({ color: 'red', label: 'обработан, все строки отклонены' });
  });
});
