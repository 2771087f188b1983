/** The identity feature's problem codes (sign-in, second factor, e-signature, recovery, OpenID Connect). */
import { defineProblems, type CodesOf } from '../../platform/http/errors.js';

export const IDENTITY_PROBLEMS = defineProblems({
  invalid_credentials: { status: 401, title: 'Неверный логин или пароль' },
  account_locked: { status: 429, title: 'Вход временно заблокирован' },
  second_factor_invalid: { status: 401, title: 'Неверный код подтверждения' },
  challenge_used: { status: 409, title: 'Запрос на подпись уже использован' },
  challenge_expired: { status: 410, title: 'Срок запроса истёк' },
  certificate_rejected: { status: 422, title: 'Сертификат не принят' },
  signature_invalid: { status: 422, title: 'Подпись не прошла проверку' },
  reset_invalid: { status: 400, title: 'Ссылка или код восстановления недействительны' },
  external_login_failed: { status: 400, title: 'Вход через внешнего провайдера не удался' },
});

declare module '../../platform/http/errors.js' {
  interface ProblemCodes extends CodesOf<typeof IDENTITY_PROBLEMS> {}
}
