/** The permit applications' problem codes. */
import { defineProblems, type CodesOf } from '../../platform/http/errors.js';

export const APPLICATION_PROBLEMS = defineProblems({
  application_status: { status: 409, title: 'Действие недоступно в текущем статусе заявления' },
  version_conflict: { status: 409, title: 'Заявление изменено в другом окне или другим пользователем' },
  application_incomplete: { status: 422, title: 'Заявление заполнено не полностью' },
});

declare module '../../platform/http/errors.js' {
  interface ProblemCodes extends CodesOf<typeof APPLICATION_PROBLEMS> {}
}
