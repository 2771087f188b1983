/**
 * Sign-in: login (e-mail, телефон или СНИЛС) and password; when the person
 * has a second factor, the next step asks for the code from the
 * authenticator app or a recovery code.
 */
import { useState, type FormEvent } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useLogin, useSecondFactorLogin, type SecondFactorChallenge } from '../../auth';
import { ApiError, fieldError } from '../../api/client';
import { FormError } from '../../components/forms';
import { FIELD_LABELS } from '../../lib/shared';
import { fmtDateTime } from '../../lib/format';
import { LoginExtras } from '../identity/LoginExtras';
import { LoginInput } from '../identity/fields';
import { PublicFrame } from '../identity/PublicFrame';

export function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const mutation = useLogin();
  const err = mutation.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!login.trim() || !password) return;
    mutation.mutate(
      { login: login.trim(), password },
      {
        onSuccess: (answer) => {
          if ('secondFactorRequired' in answer) {
            setPassword('');
            setChallenge(answer);
          }
        },
      },
    );
  };

  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onRestart={() => {
          setChallenge(null);
          setTouched(false);
          mutation.reset();
        }}
      />
    );
  }

  return (
    <PublicFrame title="Вход в личный кабинет" subtitle="Учёт перемещения отходов строительства и сноса и грунтов" width={420} back={false}>
      <form onSubmit={submit} noValidate aria-label="Вход в личный кабинет">
        <Stack gap="md">
          <FormError error={err} variant="light" />
          <LoginInput
            value={login}
            onChange={setLogin}
            error={fieldError(err, 'login') ?? (touched && !login.trim() ? `${FIELD_LABELS.login}: укажите e-mail, телефон или СНИЛС` : undefined)}
          />
          <PasswordInput
            label={FIELD_LABELS.password}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(err, 'password') ?? (touched && !password ? `${FIELD_LABELS.password}: обязательное поле` : undefined)}
            required
          />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            Войти
          </Button>
          <LoginExtras />
        </Stack>
      </form>
    </PublicFrame>
  );
}

/**
 * The code step. Six digits from the app, or (after «Войти с резервным
 * кодом») one of the recovery codes shown when the factor was turned on. An
 * expired challenge or too many wrong codes send the person back to the
 * password step with the server's message.
 */
function SecondFactorStep({ challenge, onRestart }: { challenge: SecondFactorChallenge; onRestart: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const mutation = useSecondFactorLogin();
  const err = mutation.error;
  const clean = recovery ? code.trim() : code.replace(/\s/g, '');
  const localError = !touched
    ? undefined
    : !clean
      ? `${FIELD_LABELS.code}: обязательное поле`
      : !recovery && !/^\d{6}$/.test(clean)
        ? `${FIELD_LABELS.code}: шесть цифр из приложения`
        : undefined;
  const expired = err instanceof ApiError && err.code === 'challenge_expired';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!clean || (!recovery && !/^\d{6}$/.test(clean))) return;
    mutation.mutate({ challengeToken: challenge.challengeToken, code: clean });
  };

  return (
    <PublicFrame title="Подтверждение входа" subtitle="У вашей учётной записи включён второй фактор" width={420} back={false}>
      <form onSubmit={submit} noValidate aria-label="Подтверждение входа">
        <Stack gap="md">
          <Text size="sm">
            {recovery
              ? 'Введите один из резервных кодов, которые были показаны при подключении второго фактора. Каждый код действует один раз.'
              : 'Откройте приложение-аутентификатор и введите шестизначный код для ОССиГ.'}{' '}
            Код нужно ввести до {fmtDateTime(challenge.expiresAt)}.
          </Text>
          <FormError error={err} variant="light" />
          <TextInput
            label={recovery ? 'Резервный код' : 'Код из приложения'}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            maxLength={recovery ? 20 : 6}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldError(err, 'code') ?? localError}
            autoFocus
            required
          />
          {expired ? (
            <Button onClick={onRestart} fullWidth>
              Войти заново
            </Button>
          ) : (
            <Button type="submit" loading={mutation.isPending} fullWidth>
              Подтвердить
            </Button>
          )}
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecovery((r) => !r);
              setCode('');
              setTouched(false);
              mutation.reset();
            }}
          >
            {recovery ? 'Ввести код из приложения' : 'Нет доступа к приложению? Войти с резервным кодом'}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>
            ← Вернуться ко входу по паролю
          </Anchor>
        </Stack>
      </form>
    </PublicFrame>
  );
}
