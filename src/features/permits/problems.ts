/** The permits' problem codes. */
import { defineProblems, type CodesOf } from '../../platform/http/errors.js';

export const PERMIT_PROBLEMS = defineProblems({
  permit_status: { status: 409, title: 'Действие недоступно в текущем статусе разрешения' },
});

declare module '../../platform/http/errors.js' {
  interface ProblemCodes extends CodesOf<typeof PERMIT_PROBLEMS> {}
}
