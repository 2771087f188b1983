/**
 * The identity routes this folder uses (not yet in the generated schema, so
 * through `request`, with the same cookie and problem+json handling).
 */
import { request } from '../../api/client';
import type { Me } from '../../api/types';

export interface OidcConfig {
  enabled: boolean;
  providerName: string | null;
}
export interface SecondFactorState {
  enabled: boolean;
  recoveryCodesLeft: number;
}
export interface SessionRow {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  device: string | null;
  method: string;
}
export interface TrustedRow {
  id: string;
  snils: string;
  fullName: string | null;
  access: string;
  validUntil: string;
  createdAt: string;
  status: 'invited' | 'active' | 'expired' | 'removed';
}
export interface Invitation {
  id: string;
  organization: { id: string; name: string; inn: string };
  invitedBy: string;
  access: string;
  validUntil: string;
  createdAt: string;
}
export interface DeletionNotice {
  removed: string[];
  kept: string[];
  irreversible: string;
  needsPassword: boolean;
}
export interface CertificateChallenge {
  challengeId: string;
  challenge: string;
  expiresAt: string;
}

export const identityApi = {
  oidcConfig: () => request<OidcConfig>('GET', '/api/auth/oidc/config'),
  changePassword: (body: { currentPassword: string; newPassword: string }) => request<void>('POST', '/api/auth/password', body),
  forgot: (login: string) => request<{ message: string }>('POST', '/api/auth/password/forgot', { login }),
  reset: (body: { token?: string; login?: string; code?: string; newPassword: string }) => request<void>('POST', '/api/auth/password/reset', body),
  secondFactor: () => request<SecondFactorState>('GET', '/api/auth/second-factor'),
  setupSecondFactor: () => request<{ secret: string; uri: string }>('POST', '/api/auth/second-factor/setup', {}),
  enableSecondFactor: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/api/auth/second-factor/enable', { code }),
  disableSecondFactor: (body: { password: string; code: string }) => request<void>('POST', '/api/auth/second-factor/disable', body),
  sessions: () => request<{ items: SessionRow[] }>('GET', '/api/auth/sessions'),
  endSession: (id: string) => request<void>('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`),
  trusted: () => request<{ items: TrustedRow[] }>('GET', '/api/organization/trusted'),
  invite: (body: { snils: string; access: 'standard' | 'full'; validUntil: string }) => request<{ id: string }>('POST', '/api/organization/trusted', body),
  removeTrusted: (id: string) => request<void>('DELETE', `/api/organization/trusted/${encodeURIComponent(id)}`),
  invitations: () => request<{ items: Invitation[] }>('GET', '/api/invitations'),
  accept: (id: string) => request<{ organizationId: string }>('POST', `/api/invitations/${encodeURIComponent(id)}/accept`, {}),
  deletion: () => request<DeletionNotice>('GET', '/api/auth/account/deletion'),
  deleteAccount: (body: { password?: string; confirm?: string }) => request<void>('POST', '/api/auth/account/delete', body),
  certificateChallenge: () => request<CertificateChallenge>('POST', '/api/auth/certificate/challenge', {}),
  certificateLogin: (body: { challengeId: string; signature: string }) =>
    request<Me & { createdOrganization: boolean; profileFromRegister: boolean }>('POST', '/api/auth/certificate/login', body),
};

/** The password rule (the server checks the same): at least 8, upper- and lower-case Latin letters and digits. */
export const PASSWORD_HINT = 'Не короче 8 символов; заглавные и строчные латинские буквы и цифры.';
export function passwordProblem(p: string): string | null {
  if (p.length < 8) return 'Пароль: не короче 8 символов';
  if (!/[A-Z]/.test(p) || !/[a-z]/.test(p) || !/\d/.test(p)) return 'Пароль: должен содержать заглавные и строчные латинские буквы и цифры';
  return null;
}

export const ACCESS_LABEL: Record<string, string> = { standard: 'стандартный', full: 'полный' };

export const METHOD_LABEL: Record<string, string> = {
  password: 'логин и пароль',
  totp: 'пароль и код из приложения',
  recovery_code: 'пароль и резервный код',
  certificate: 'электронная подпись',
  oidc: 'ЕСИА / OpenID Connect',
};

/** Messages for `/login?error=…` after an external sign-in (same texts as the server's OIDC_ERROR_MESSAGES). */
export const OIDC_ERRORS: Record<string, string> = {
  oidc_disabled: 'Вход через внешнего провайдера (ЕСИА/OpenID Connect) не настроен.',
  oidc_unavailable: 'Провайдер входа сейчас недоступен. Попробуйте позже или войдите по паролю.',
  oidc_state: 'Ответ провайдера входа не относится к этому браузеру или устарел. Начните вход заново.',
  oidc_replayed: 'Этот ответ провайдера входа уже использован. Начните вход заново.',
  oidc_denied: 'Вход отменён на стороне провайдера входа.',
  oidc_failed: 'Провайдер входа вернул ответ, который не прошёл проверку. Начните вход заново.',
  oidc_unknown_person:
    'Человек с таким СНИЛС или подтверждённой электронной почтой не зарегистрирован в ОССиГ. Войдите по электронной подписи или попросите руководителя организации пригласить вас по СНИЛС.',
  oidc_mismatch: 'СНИЛС от провайдера входа не совпадает со СНИЛС учётной записи с этой электронной почтой. Обратитесь в поддержку.',
};

/** «123-456-789 01»: the server's own rule (src/domain), shared with the cabinet. */
export { formatSnils } from '../../../../src/domain/identifiers';

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' });
}
