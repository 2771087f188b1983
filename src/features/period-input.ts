/**
 * A period the user asked for (dates inclusive, Europe/Moscow), checked:
 * real dates, start not after end, not in the future, not longer than the
 * configured maximum.
 */
import type { AppContext } from '../platform/context.js';
import { invalid } from '../platform/http/errors.js';
import { periodBounds, moscowDate, parseIsoDate } from '../domain/period.js';

export interface CheckedPeriod {
  from: string;
  to: string;
  start: Date;
  endExclusive: Date;
}

export function checkPeriod(ctx: AppContext, from: string, to: string): CheckedPeriod {
  const errors = [];
  if (!parseIsoDate(from).ok) errors.push({ field: 'from', message: 'Начало периода: такой даты нет' });
  if (!parseIsoDate(to).ok) errors.push({ field: 'to', message: 'Конец периода: такой даты нет' });
  if (errors.length) throw invalid(errors);
  if (to < from) throw invalid({ field: 'to', message: 'Конец периода: не может быть раньше начала периода' });
  const today = moscowDate(ctx.now());
  if (from > today) throw invalid({ field: 'from', message: `Начало периода: период не может начинаться в будущем (сегодня ${today})` });
  if (to > today) throw invalid({ field: 'to', message: `Конец периода: не может быть позже сегодняшнего дня (${today})` });
  const { start, endExclusive } = periodBounds(from, to);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days > ctx.config.statementMaxDays) {
    throw invalid({ field: 'to', message: `Конец периода: период не может быть длиннее ${ctx.config.statementMaxDays} дней` });
  }
  return { from, to, start, endExclusive };
}
