/** The money feature's problem codes. */
import { defineProblems, type CodesOf } from '../../platform/http/errors.js';

export const MONEY_PROBLEMS = defineProblems({
  tariff_overlap: { status: 409, title: 'Период тарифа пересекается с другим тарифом на тот же код ФККО и единицу' },
  tariff_in_use: { status: 409, title: 'По тарифу уже начислена плата, включённая в акт' },
  nothing_to_bill: { status: 409, title: 'Нет начислений, не включённых в акты, за этот месяц' },
  payment_matched: { status: 409, title: 'Платёж уже сопоставлен со счётом' },
  overpayment: { status: 409, title: 'Сумма платежа больше остатка по счёту' },
});

declare module '../../platform/http/errors.js' {
  interface ProblemCodes extends CodesOf<typeof MONEY_PROBLEMS> {}
}
