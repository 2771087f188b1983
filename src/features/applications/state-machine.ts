/**
 * The life of a permit application, as one table.
 *
 *   Черновик ──submit──▶ На рассмотрении ──approve──▶ Одобрено (a permit or its new version is issued)
 *                          │      ▲      └──reject───▶ Отклонено (a reason from the operator's list + text)
 *                 request_info  resubmit
 *                          ▼      │
 *                   Требуется дополнение (what is missing, by when)
 *   Черновик / На рассмотрении / Требуется дополнение ──withdraw──▶ Отозвано заявителем
 *
 * Who may take each step (`side`) and with which right; anything not in the
 * table is refused with a Russian message naming the status and the action.
 */
import { AppError } from '../../platform/http/errors.js';
import type { Right } from '../../platform/http/auth.js';
import type { ApplicationStatus } from './tables.js';

export type ApplicationAction = 'submit' | 'request_info' | 'resubmit' | 'approve' | 'reject' | 'withdraw';

export interface Transition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  side: 'applicant' | 'operator';
  right: Right;
  /** Russian name of the action, for messages and the history. */
  label: string;
}

export const TRANSITIONS: Readonly<Record<ApplicationAction, Transition>> = Object.freeze({
  submit: { from: ['draft'], to: 'submitted', side: 'applicant', right: 'submit', label: 'подать заявление' },
  request_info: { from: ['submitted'], to: 'needs_info', side: 'operator', right: 'submit', label: 'запросить дополнение' },
  resubmit: { from: ['needs_info'], to: 'submitted', side: 'applicant', right: 'submit', label: 'подать повторно' },
  approve: { from: ['submitted'], to: 'approved', side: 'operator', right: 'submit', label: 'одобрить' },
  reject: { from: ['submitted'], to: 'rejected', side: 'operator', right: 'submit', label: 'отклонить' },
  withdraw: { from: ['draft', 'submitted', 'needs_info'], to: 'withdrawn', side: 'applicant', right: 'submit', label: 'отозвать заявление' },
});

export const ACTIONS = Object.keys(TRANSITIONS) as ApplicationAction[];

export const STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'needs_info', 'approved', 'rejected', 'withdrawn'];

export const STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = Object.freeze({
  draft: 'Черновик',
  submitted: 'На рассмотрении',
  needs_info: 'Требуется дополнение',
  approved: 'Одобрено',
  rejected: 'Отклонено',
  withdrawn: 'Отозвано заявителем',
});

/** Statuses in which the applicant edits the application (fields, lines, carriers, files). */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'needs_info'];

/** Statuses in which the operator reviews it (the working-day clock runs). */
export const UNDER_REVIEW: readonly ApplicationStatus[] = ['submitted'];

/** Where `action` leads from `status`, or a 409 naming both. */
export function nextStatus(status: ApplicationStatus, action: ApplicationAction, number?: string): ApplicationStatus {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return t.to;
  const what = number ? `Заявление № ${number}` : 'Заявление';
  const allowed = t.from.map((s) => `«${STATUS_LABELS[s]}»`).join(', ');
  throw new AppError(
    'application_status',
    `${what} в статусе «${STATUS_LABELS[status]}»: нельзя ${t.label} — это возможно только в статусе ${allowed}`,
    undefined,
    { applicationStatus: status, action },
  );
}

export function isEditable(status: ApplicationStatus): boolean {
  return EDITABLE.includes(status);
}
