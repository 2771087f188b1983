/**
 * The identity feature's Russian texts that the web cabinet shows too: why an
 * external sign-in failed (the code in `/login?error=…`) and the names of the
 * ways to sign in. Plain data without imports: the cabinet imports this file,
 * so each text lives only here.
 */

/** Why an external sign-in failed: the code in `/login?error=…` and its Russian text. */
export const OIDC_ERROR_MESSAGES = {
  oidc_disabled: 'Вход через внешнего провайдера (ЕСИА/OpenID Connect) не настроен.',
  oidc_unavailable: 'Провайдер входа сейчас недоступен. Попробуйте позже или войдите по паролю.',
  oidc_state: 'Ответ провайдера входа не относится к этому браузеру или устарел. Начните вход заново.',
  oidc_replayed: 'Этот ответ провайдера входа уже использован. Начните вход заново.',
  oidc_denied: 'Вход отменён на стороне провайдера входа.',
  oidc_failed: 'Провайдер входа вернул ответ, который не прошёл проверку. Начните вход заново.',
  oidc_unknown_person:
    'Человек с таким СНИЛС или подтверждённой электронной почтой не зарегистрирован в ОССиГ. Войдите по электронной подписи или попросите руководителя организации пригласить вас по СНИЛС.',
  oidc_mismatch: 'СНИЛС от провайдера входа не совпадает со СНИЛС учётной записи с этой электронной почтой. Обратитесь в поддержку.',
} as const;
export type OidcErrorCode = keyof typeof OIDC_ERROR_MESSAGES;

/** The ways to sign in (`sessions.method`), in the new-device e-mail and the cabinet's list of sessions. */
export const METHOD_LABELS = {
  password: 'логин и пароль',
  totp: 'логин, пароль и код из приложения',
  recovery_code: 'логин, пароль и резервный код',
  certificate: 'электронная подпись',
  oidc: 'внешний провайдер входа (OpenID Connect)',
} as const;
