/** Form fields the sign-in, recovery and security pages share. */
import { PasswordInput, TextInput } from '@mantine/core';
import { FIELD_LABELS } from '../../lib/shared';
import { PASSWORD_HINT, passwordProblem } from './api';

/** The login: e-mail, phone or СНИЛС. */
export function LoginInput({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  return (
    <TextInput
      label={FIELD_LABELS.login}
      description="Электронная почта, телефон или СНИЛС"
      autoComplete="username"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required
      autoFocus
    />
  );
}

/** A six-digit code (from the e-mail or the authenticator app). */
export function SixDigitCodeInput({ label, value, onChange, error }: { label: string; value: string; onChange: (value: string) => void; error?: string }) {
  return <TextInput label={label} inputMode="numeric" maxLength={6} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}

/**
 * A new password with the password rule as its description. The rule's
 * message shows once the form was submitted (`touched`) or the password is
 * long enough to judge; the server's message for the field comes first.
 */
export function NewPasswordInput({ value, onChange, serverError, touched }: { value: string; onChange: (value: string) => void; serverError?: string; touched: boolean }) {
  const problem = value ? passwordProblem(value) : null;
  return (
    <PasswordInput
      label={FIELD_LABELS.newPassword}
      description={PASSWORD_HINT}
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={serverError ?? (touched || value.length >= 8 ? problem : undefined)}
    />
  );
}
