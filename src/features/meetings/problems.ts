/** Problem codes of owners' general meetings. */
import { defineProblems, type CodesOf } from '../../platform/http/errors.js';

export const MEETING_PROBLEMS = defineProblems({
  meeting_stage: { status: 409, title: 'Этап собрания сейчас недоступен' },
  meeting_completed: { status: 409, title: 'Собрание уже проведено' },
  register_invalid: { status: 422, title: 'Реестр собственников не сходится' },
});

declare module '../../platform/http/errors.js' {
  interface ProblemCodes extends CodesOf<typeof MEETING_PROBLEMS> {}
}
