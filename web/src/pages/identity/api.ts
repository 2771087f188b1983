/**
 * The identity routes this folder uses, through the typed client: answers and
 * bodies typed from the generated schema (web/src/api/schema.d.ts).
 */
import { api, call } from '../../api/client';
import type { Body, Ok } from '../../api/types';

export type SessionRow = Ok<'/api/auth/sessions', 'get'>['items'][number];
export type TrustedRow = Ok<'/api/organization/trusted', 'get'>['items'][number];

export const identityApi = {
  oidcConfig: () => call(api.GET('/api/auth/oidc/config')),
  changePassword: (body: Body<'/api/auth/password', 'post'>) => call(api.POST('/api/auth/password', { body })),
  forgot: (login: string) => call(api.POST('/api/auth/password/forgot', { body: { login } })),
  reset: (body: Body<'/api/auth/password/reset', 'post'>) => call(api.POST('/api/auth/password/reset', { body })),
  secondFactor: () => call(api.GET('/api/auth/second-factor')),
  setupSecondFactor: () => call(api.POST('/api/auth/second-factor/setup')),
  enableSecondFactor: (code: string) => call(api.POST('/api/auth/second-factor/enable', { body: { code } })),
  disableSecondFactor: (body: Body<'/api/auth/second-factor/disable', 'post'>) => call(api.POST('/api/auth/second-factor/disable', { body })),
  sessions: () => call(api.GET('/api/auth/sessions')),
  endSession: (id: string) => call(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
  trusted: () => call(api.GET('/api/organization/trusted')),
  invite: (body: Body<'/api/organization/trusted', 'post'>) => call(api.POST('/api/organization/trusted', { body })),
  removeTrusted: (id: string) => call(api.DELETE('/api/organization/trusted/{id}', { params: { path: { id } } })),
  invitations: () => call(api.GET('/api/invitations')),
  accept: (id: string) => call(api.POST('/api/invitations/{id}/accept', { params: { path: { id } } })),
  deletion: () => call(api.GET('/api/auth/account/deletion')),
  deleteAccount: (body: Body<'/api/auth/account/delete', 'post'>) => call(api.POST('/api/auth/account/delete', { body })),
  certificateChallenge: () => call(api.POST('/api/auth/certificate/challenge')),
  certificateLogin: (body: Body<'/api/auth/certificate/login', 'post'>) => call(api.POST('/api/auth/certificate/login', { body })),
};

/** The password rule: the server's own (src/domain), shared with the cabinet. */
export { PASSWORD_HINT, checkPasswordPolicy as passwordProblem } from '../../../../src/domain/password';

export const ACCESS_LABEL: Record<string, string> = { standard: 'стандартный', full: 'полный' };
