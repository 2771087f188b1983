/** The reports' problem codes. */
import { defineProblems, type CodesOf } from '../../platform/http/errors.js';

export const REPORT_PROBLEMS = defineProblems({
  report_status: { status: 409, title: 'Действие недоступно в текущем состоянии отчёта' },
  report_conflict: { status: 409, title: 'Отчёт изменён в другом окне или другим пользователем' },
  report_invalid: { status: 422, title: 'Отчёт заполнен с ошибками' },
  report_deadline: { status: 409, title: 'Срок подачи отчёта истёк: исправление — только с согласия оператора' },
});

declare module '../../platform/http/errors.js' {
  interface ProblemCodes extends CodesOf<typeof REPORT_PROBLEMS> {}
}
