/** «Безопасность»: password, second factor (QR → code → recovery codes once), active sessions. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, Code, Group, Image, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { ApiError, errorMessage } from '../../api/client';
import { ME_KEY, useAuth } from '../../auth';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { formatDateTime, identityApi, METHOD_LABEL, PASSWORD_HINT, passwordProblem } from './api';

export function SecurityPage() {
  return (
    <>
      <PageTitle subtitle="Пароль, второй фактор и сеансы вашей учётной записи">Безопасность</PageTitle>
      <Stack gap="lg">
        <PasswordCard />
        <SecondFactorCard />
        <SessionsCard />
        <Text size="sm">
          <Anchor component={Link} to="/account/delete" c="red">
            Удаление учётной записи
          </Anchor>
        </Text>
      </Stack>
    </>
  );
}

function PasswordCard() {
  const { me } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [touched, setTouched] = useState(false);
  const change = useMutation({
    mutationFn: () => identityApi.changePassword({ currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setTouched(false);
      notifications.show({ color: 'teal', message: 'Пароль изменён. Остальные сеансы завершены.' });
    },
  });
  const policy = next ? passwordProblem(next) : null;
  const fieldErr = (f: string) => (change.error instanceof ApiError ? change.error.fieldMessage(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!next || policy) return;
    change.mutate();
  };
  return (
    <Card withBorder component="section" aria-label="Пароль">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          <Title order={2} size="h4">
            {me.person.hasPassword ? 'Сменить пароль' : 'Задать пароль'}
          </Title>
          {change.error && !(change.error instanceof ApiError && change.error.errors.length) && (
            <Alert color="red" role="alert">
              {errorMessage(change.error)}
            </Alert>
          )}
          {me.person.hasPassword && (
            <PasswordInput label="Текущий пароль" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={fieldErr('currentPassword')} />
          )}
          <PasswordInput
            label="Новый пароль"
            description={PASSWORD_HINT}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={fieldErr('newPassword') ?? (touched || next.length >= 8 ? policy : undefined)}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Сохранить пароль
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const SF_KEY = ['identity', 'second-factor'] as const;

function SecondFactorCard() {
  const qc = useQueryClient();
  const state = useQuery({ queryKey: SF_KEY, queryFn: identityApi.secondFactor });
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [disablePassword, setDisablePassword] = useState('');
  const [disableCode, setDisableCode] = useState('');

  useEffect(() => {
    if (!setup) return setQr(null);
    let alive = true;
    QRCode.toDataURL(setup.uri, { margin: 1, width: 220 }).then((url) => alive && setQr(url));
    return () => {
      alive = false;
    };
  }, [setup]);

  const start = useMutation({ mutationFn: identityApi.setupSecondFactor, onSuccess: (s) => setSetup(s) });
  const enable = useMutation({
    mutationFn: () => identityApi.enableSecondFactor(code.trim()),
    onSuccess: (r) => {
      setRecovery(r.recoveryCodes);
      setSetup(null);
      setCode('');
      void qc.invalidateQueries({ queryKey: SF_KEY });
      void qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const disable = useMutation({
    mutationFn: () => identityApi.disableSecondFactor({ password: disablePassword, code: disableCode.trim() }),
    onSuccess: () => {
      setDisablePassword('');
      setDisableCode('');
      notifications.show({ color: 'teal', message: 'Второй фактор отключён' });
      void qc.invalidateQueries({ queryKey: SF_KEY });
      void qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });

  return (
    <Card withBorder component="section" aria-label="Второй фактор">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Второй фактор (приложение-аутентификатор)
          </Title>
          {state.data && <Badge color={state.data.enabled ? 'teal' : 'gray'}>{state.data.enabled ? 'включён' : 'выключен'}</Badge>}
        </Group>
        {state.isPending && <Loading />}
        {state.isError && <ErrorAlert error={state.error} />}
        {recovery && (
          <Alert color="yellow" title="Резервные коды — сохраните их сейчас" data-testid="recovery-codes">
            <Text size="sm" mb="xs">
              Каждый код можно использовать один раз вместо кода из приложения. Больше они показаны не будут.
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
              {recovery.map((c) => (
                <Code key={c}>{c}</Code>
              ))}
            </SimpleGrid>
            <Button mt="sm" size="xs" variant="light" onClick={() => setRecovery(null)}>
              Я сохранил(а) коды
            </Button>
          </Alert>
        )}
        {state.data && !state.data.enabled && !setup && (
          <>
            <Text size="sm">При входе, кроме пароля, потребуется шестизначный код из приложения (Яндекс Ключ, Google Authenticator и другие).</Text>
            {start.error && <ErrorAlert error={start.error} title="Не удалось начать подключение" />}
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                Подключить
              </Button>
            </Group>
          </>
        )}
        {setup && (
          <Stack gap="sm">
            <Text size="sm">1. Отсканируйте QR-код приложением или введите ключ вручную.</Text>
            <Group align="flex-start">
              {qr ? <Image src={qr} alt="QR-код для приложения-аутентификатора" w={220} h={220} /> : <Loading label="Рисуем QR-код…" />}
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  Ключ
                </Text>
                <Code data-testid="totp-secret">{setup.secret}</Code>
              </Stack>
            </Group>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (/^\d{6}$/.test(code.trim())) enable.mutate();
              }}
            >
              <Group align="flex-end">
                <TextInput
                  label="2. Код из приложения"
                  inputMode="numeric"
                  maxLength={6}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={enable.error ? errorMessage(enable.error) : undefined}
                />
                <Button type="submit" loading={enable.isPending} disabled={!/^\d{6}$/.test(code.trim())}>
                  Подтвердить
                </Button>
                <Button variant="subtle" onClick={() => setSetup(null)}>
                  Отмена
                </Button>
              </Group>
            </form>
          </Stack>
        )}
        {state.data?.enabled && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (disableCode.trim()) disable.mutate();
            }}
          >
            <Stack gap="sm" maw={420}>
              <Text size="sm">Осталось резервных кодов: {state.data.recoveryCodesLeft}.</Text>
              {disable.error && !(disable.error instanceof ApiError && disable.error.errors.length) && (
                <Alert color="red" role="alert">
                  {errorMessage(disable.error)}
                </Alert>
              )}
              <PasswordInput
                label="Пароль"
                value={disablePassword}
                onChange={(e) => setDisablePassword(e.currentTarget.value)}
                error={disable.error instanceof ApiError ? disable.error.fieldMessage('password') : undefined}
              />
              <TextInput
                label="Код из приложения или резервный код"
                value={disableCode}
                onChange={(e) => setDisableCode(e.currentTarget.value)}
                error={disable.error instanceof ApiError ? disable.error.fieldMessage('code') : undefined}
              />
              <Group>
                <Button type="submit" color="red" variant="light" loading={disable.isPending}>
                  Отключить второй фактор
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

const SESSIONS_KEY = ['identity', 'sessions'] as const;

function SessionsCard() {
  const qc = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: identityApi.sessions });
  const end = useMutation({
    mutationFn: (id: string) => identityApi.endSession(id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Сеанс завершён' });
      void qc.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Не удалось завершить сеанс', message: errorMessage(e) }),
  });
  return (
    <Card withBorder component="section" aria-label="Активные сеансы">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Активные сеансы
        </Title>
        {sessions.isPending && <Loading />}
        {sessions.isError && <ErrorAlert error={sessions.error} />}
        {sessions.data && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Устройство</Table.Th>
                  <Table.Th>Способ входа</Table.Th>
                  <Table.Th>Вход</Table.Th>
                  <Table.Th>Последняя активность</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm">{s.device ?? 'неизвестно'}</Text>
                      {s.ip && !s.device?.includes(s.ip) && (
                        <Text size="xs" c="dimmed">
                          IP {s.ip}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{METHOD_LABEL[s.method] ?? s.method}</Table.Td>
                    <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                    <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      {s.current ? (
                        <Badge variant="light">этот сеанс</Badge>
                      ) : (
                        <Button size="xs" variant="light" color="red" loading={end.isPending && end.variables === s.id} onClick={() => end.mutate(s.id)}>
                          Завершить
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
