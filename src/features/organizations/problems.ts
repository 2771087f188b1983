/** The organizations feature's problem codes (invitations of trusted persons). */
import { defineProblems, type CodesOf } from '../../platform/http/errors.js';

export const ORGANIZATION_PROBLEMS = defineProblems({
  invitation_used: { status: 409, title: 'Приглашение уже использовано' },
  invitation_expired: { status: 410, title: 'Срок приглашения истёк' },
});

declare module '../../platform/http/errors.js' {
  interface ProblemCodes extends CodesOf<typeof ORGANIZATION_PROBLEMS> {}
}
