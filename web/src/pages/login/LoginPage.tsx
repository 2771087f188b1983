/** Sign-in: login (e-mail, телефон или СНИЛС) and password. */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useLogin } from '../../auth';
import { ApiError, errorMessage } from '../../api/client';
import { LoginExtras } from '../identity/LoginExtras';

export function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const mutation = useLogin();
  const err = mutation.error;
  const fieldErr = (f: string) => (err instanceof ApiError ? err.fieldMessage(f) : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!login.trim() || !password) return;
    mutation.mutate({ login: login.trim(), password });
  };

  const general = err && !(err instanceof ApiError && err.errors.length) ? errorMessage(err) : null;

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <form onSubmit={submit} noValidate aria-label="Вход в личный кабинет">
          <Stack gap="md">
            <Stack gap={4}>
              <Text fw={700} c="ossig.8">
                ОССиГ
              </Text>
              <Title order={1} size="h3">
                Вход в личный кабинет
              </Title>
              <Text size="sm" c="dimmed">
                Учёт перемещения отходов строительства и сноса и грунтов
              </Text>
            </Stack>
            {general && (
              <Alert color="red" variant="light" role="alert">
                {general}
              </Alert>
            )}
            <TextInput
              label="Логин"
              description="Электронная почта, телефон или СНИЛС"
              autoComplete="username"
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
              error={fieldErr('login') ?? (touched && !login.trim() ? 'Логин: укажите e-mail, телефон или СНИЛС' : undefined)}
              required
              autoFocus
            />
            <PasswordInput
              label="Пароль"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldErr('password') ?? (touched && !password ? 'Пароль: обязательное поле' : undefined)}
              required
            />
            <Button type="submit" loading={mutation.isPending} fullWidth>
              Войти
            </Button>
            <LoginExtras />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
