/** «Безопасность»: password, second factor (QR → code → recovery codes once), active sessions. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Code, Group, Image, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { errorMessage, fieldError } from '../../api/client';
import { ME_KEY, useAuth } from '../../auth';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { FormError, Section, SubmitRow } from '../../components/forms';
import { RowActionButton, useRowAction } from '../../components/RowAction';
import { fmtDateTime } from '../../lib/format';
import { FIELD_LABELS, METHOD_LABELS } from '../../lib/shared';
import type { Ok } from '../../api/types';
import { identityApi, passwordProblem } from './api';
import { NewPasswordInput, SixDigitCodeInput } from './fields';


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

const SESSIONS_KEY = ['identity', 'sessions'] as const;

function PasswordCard() {
  const { me } = useAuth();
  const qc = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [touched, setTouched] = useState(false);
  const change = useMutation({
    mutationFn: () => identityApi.changePassword({ currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setTouched(false);
      // The other sessions were ended by the server: the list shows what is true now.
      void qc.invalidateQueries({ queryKey: SESSIONS_KEY });
      void qc.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: 'teal', message: 'Пароль изменён. Остальные сеансы завершены.' });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!next || passwordProblem(next)) return;
    change.mutate();
  };
  return (
    <Section title={me.person.hasPassword ? 'Сменить пароль' : 'Задать пароль'} label="Пароль">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          <FormError error={change.error} />
          {me.person.hasPassword && (
            <PasswordInput
              label={FIELD_LABELS.currentPassword}
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={fieldError(change.error, 'currentPassword')}
            />
          )}
          <NewPasswordInput value={next} onChange={setNext} serverError={fieldError(change.error, 'newPassword')} touched={touched} />
          <SubmitRow pending={change.isPending}>Сохранить пароль</SubmitRow>
        </Stack>
      </form>
    </Section>
  );
}

const SF_KEY = ['identity', 'second-factor'] as const;

function SecondFactorCard() {
  const qc = useQueryClient();
  const state = useQuery({ queryKey: SF_KEY, queryFn: identityApi.secondFactor });
  const [setup, setSetup] = useState<Ok<'/api/auth/second-factor/setup', 'post'> | null>(null);
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
    <Section
      title="Второй фактор (приложение-аутентификатор)"
      label="Второй фактор"
      right={state.data && <Badge color={state.data.enabled ? 'teal' : 'gray'}>{state.data.enabled ? 'включён' : 'выключен'}</Badge>}
    >
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
              <SixDigitCodeInput label="2. Код из приложения" value={code} onChange={setCode} error={enable.error ? errorMessage(enable.error) : undefined} />
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
            <FormError error={disable.error} />
            <PasswordInput
              label={FIELD_LABELS.password}
              value={disablePassword}
              onChange={(e) => setDisablePassword(e.currentTarget.value)}
              error={fieldError(disable.error, 'password')}
            />
            <TextInput
              label="Код из приложения или резервный код"
              value={disableCode}
              onChange={(e) => setDisableCode(e.currentTarget.value)}
              error={fieldError(disable.error, 'code')}
            />
            <Group>
              <Button type="submit" color="red" variant="light" loading={disable.isPending}>
                Отключить второй фактор
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}


function SessionsCard() {
  const phone = useMediaQuery('(max-width: 48em)');
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: identityApi.sessions });
  const end = useRowAction(identityApi.endSession, { done: 'Сеанс завершён', failed: 'Не удалось завершить сеанс', refresh: [SESSIONS_KEY] });
  return (
    <Section title="Активные сеансы">
      {sessions.isPending && <Loading />}
      {sessions.isError && <ErrorAlert error={sessions.error} />}
      {sessions.data && phone && (
        // On a phone: one block per session, «Завершить» at hand.
        <Stack gap="xs" role="list" aria-label="Сеансы">
          {sessions.data.items.map((s) => (
            <Stack key={s.id} gap={2} role="listitem" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" fw={500}>
                {s.device ?? 'неизвестно'}
              </Text>
              <Text size="xs" c="dimmed">
                {METHOD_LABELS[s.method as keyof typeof METHOD_LABELS] ?? s.method} · вход {fmtDateTime(s.createdAt)} · активность {fmtDateTime(s.lastSeenAt)}
              </Text>
              <Group>
                {s.current ? (
                  <Badge variant="light">этот сеанс</Badge>
                ) : (
                  <RowActionButton action={end} id={s.id}>
                    Завершить
                  </RowActionButton>
                )}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      {sessions.data && !phone && (
        <ListTable minWidth={640} striped columns={['Устройство', 'Способ входа', 'Вход', 'Последняя активность', '']}>
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
              <Table.Td>{METHOD_LABELS[s.method as keyof typeof METHOD_LABELS] ?? s.method}</Table.Td>
              <Table.Td>{fmtDateTime(s.createdAt)}</Table.Td>
              <Table.Td>{fmtDateTime(s.lastSeenAt)}</Table.Td>
              <Table.Td>
                {s.current ? (
                  <Badge variant="light">этот сеанс</Badge>
                ) : (
                  <RowActionButton action={end} id={s.id}>
                    Завершить
                  </RowActionButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Section>
  );
}
