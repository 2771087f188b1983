/** The registers' problem codes (sites, vehicles, facilities, the operator's suspensions). */
import { defineProblems, type CodesOf } from '../../platform/http/errors.js';

export const REGISTER_PROBLEMS = defineProblems({
  register_version_conflict: { status: 409, title: 'Запись реестра изменена в другом окне или другим пользователем' },
  register_archived: { status: 409, title: 'Запись реестра снята с учёта' },
  register_in_use: { status: 409, title: 'Запись реестра используется' },
  plate_taken: { status: 409, title: 'Госномер ТС числится за другим перевозчиком' },
  terminal_taken: { status: 409, title: 'Терминал ГЛОНАСС/GPS уже указан у другого транспортного средства' },
  register_status: { status: 409, title: 'Действие недоступно в текущем статусе записи реестра' },
});

declare module '../../platform/http/errors.js' {
  interface ProblemCodes extends CodesOf<typeof REGISTER_PROBLEMS> {}
}
