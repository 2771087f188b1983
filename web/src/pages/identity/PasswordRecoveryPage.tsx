/**
 * «Восстановление пароля» (public): the login → a link and a code by e-mail →
 * a new password (by the link's token, or by the login and the code).
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { fieldError } from '../../api/client';
import { FormError } from '../../components/forms';
import { identityApi, passwordProblem } from './api';
import { LoginInput, NewPasswordInput, SixDigitCodeInput } from './fields';
import { PublicFrame } from './PublicFrame';

export function PasswordRecoveryPage() {
  const [search] = useSearchParams();
  const token = search.get('token');
  const [login, setLogin] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const forgot = useMutation({ mutationFn: () => identityApi.forgot(login.trim()), onSuccess: (r) => setSent(r.message) });

  if (token) return <NewPassword token={token} />;
  if (sent) return <NewPassword login={login.trim()} sentMessage={sent} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (login.trim()) forgot.mutate();
  };
  return (
    <PublicFrame title="Восстановление пароля">
      <form onSubmit={submit} noValidate aria-label="Восстановление пароля">
        <Stack gap="md">
          <Text size="sm">Укажите логин — мы отправим на электронную почту учётной записи ссылку и код для восстановления пароля.</Text>
          <FormError error={forgot.error} />
          <LoginInput value={login} onChange={setLogin} error={fieldError(forgot.error, 'login')} />
          <Button type="submit" loading={forgot.isPending} disabled={!login.trim()}>
            Отправить ссылку и код
          </Button>
        </Stack>
      </form>
    </PublicFrame>
  );
}

function NewPassword({ token, login, sentMessage }: { token?: string; login?: string; sentMessage?: string }) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);
  const reset = useMutation({
    mutationFn: () => identityApi.reset(token ? { token, newPassword: password } : { login, code: code.trim(), newPassword: password }),
  });
  const mismatch = repeat && repeat !== password ? 'Повтор пароля: не совпадает с паролем' : null;

  if (reset.isSuccess) {
    return (
      <PublicFrame title="Пароль изменён">
        <Alert color="teal">Новый пароль сохранён, все сеансы завершены. Войдите с новым паролем.</Alert>
        <Anchor component={Link} to="/">
          Перейти ко входу
        </Anchor>
      </PublicFrame>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (passwordProblem(password) || mismatch || !password || (!token && code.trim().length !== 6)) return;
    reset.mutate();
  };
  return (
    <PublicFrame title="Новый пароль">
      <form onSubmit={submit} noValidate aria-label="Новый пароль">
        <Stack gap="md">
          {sentMessage && <Alert color="blue">{sentMessage}</Alert>}
          <FormError error={reset.error} />
          {!token && (
            <SixDigitCodeInput
              label="Код из письма"
              value={code}
              onChange={setCode}
              error={fieldError(reset.error, 'code') ?? (touched && code.trim().length !== 6 ? 'Код из письма: 6 цифр' : undefined)}
            />
          )}
          <NewPasswordInput value={password} onChange={setPassword} serverError={fieldError(reset.error, 'newPassword')} touched={touched} />
          <PasswordInput label="Повтор пароля" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={mismatch} />
          <Button type="submit" loading={reset.isPending}>
            Сохранить пароль
          </Button>
        </Stack>
      </form>
    </PublicFrame>
  );
}
