/** Sign-in: login (e-mail, телефон или СНИЛС) and password. */
import { useState, type FormEvent } from 'react';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useLogin } from '../../auth';
import { fieldError } from '../../api/client';
import { FormError } from '../../components/forms';
import { FIELD_LABELS } from '../../lib/shared';
import { LoginExtras } from '../identity/LoginExtras';
import { LoginInput } from '../identity/fields';
import { PublicFrame } from '../identity/PublicFrame';

export function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const mutation = useLogin();
  const err = mutation.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!login.trim() || !password) return;
    mutation.mutate({ login: login.trim(), password });
  };

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
