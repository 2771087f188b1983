/**
 * «Доверенные лица» (seed 003). The head invites a person by СНИЛС for a term
 * with standard or full access, sees the list with statuses and removes.
 * Anyone sees the invitations addressed to them and accepts them; the
 * organization then appears in «Сменить профиль».
 */
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, Group, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/client';
import { ME_KEY, useAuth } from '../../auth';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ACCESS_LABEL, formatDate, formatSnils, identityApi, type TrustedRow } from './api';

const TRUSTED_KEY = ['identity', 'trusted'] as const;
const INVITATIONS_KEY = ['identity', 'invitations'] as const;

const STATUS: Record<TrustedRow['status'], { label: string; color: string }> = {
  invited: { label: 'приглашён', color: 'blue' },
  active: { label: 'действует', color: 'teal' },
  expired: { label: 'срок истёк', color: 'gray' },
  removed: { label: 'удалён', color: 'gray' },
};

export function TrustedPage() {
  const { organization } = useAuth();
  const isHead = organization?.role === 'head';
  return (
    <>
      <PageTitle subtitle="Доверенные лица действуют от имени организации без электронной подписи: стандартный доступ — черновики и статусы, полный — также подача документов">
        Доверенные лица
      </PageTitle>
      <Stack gap="lg">
        <MyInvitations />
        {isHead && <InviteCard />}
        {isHead && <TrustedList />}
        {!isHead && organization && (
          <Text size="sm" c="dimmed">
            Приглашать и удалять доверенных лиц организации «{organization.name}» может только её руководитель.
          </Text>
        )}
      </Stack>
    </>
  );
}

function defaultTerm(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

function InviteCard() {
  const qc = useQueryClient();
  const [snils, setSnils] = useState('');
  const [validUntil, setValidUntil] = useState(defaultTerm());
  const [access, setAccess] = useState<'standard' | 'full'>('standard');
  const invite = useMutation({
    mutationFn: () => identityApi.invite({ snils: snils.trim(), access, validUntil }),
    onSuccess: () => {
      setSnils('');
      notifications.show({ color: 'teal', message: 'Приглашение отправлено. Доверенное лицо увидит его в разделе «Доверенные лица» и примет.' });
      void qc.invalidateQueries({ queryKey: TRUSTED_KEY });
    },
  });
  const fieldErr = (f: string) => (invite.error instanceof ApiError ? invite.error.fieldMessage(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (snils.trim() && validUntil) invite.mutate();
  };
  return (
    <Card withBorder component="section" aria-label="Пригласить доверенное лицо">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          <Title order={2} size="h4">
            Пригласить доверенное лицо
          </Title>
          {invite.error && !(invite.error instanceof ApiError && invite.error.errors.length) && (
            <Alert color="red" role="alert">
              {errorMessage(invite.error)}
            </Alert>
          )}
          <TextInput
            label="СНИЛС"
            description="СНИЛС пользователя, зарегистрированного в ОССиГ"
            placeholder="123-456-789 01"
            value={snils}
            onChange={(e) => setSnils(e.currentTarget.value)}
            error={fieldErr('snils')}
          />
          <TextInput label="Срок действия доверенности (по)" type="date" value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} error={fieldErr('validUntil')} />
          <Radio.Group label="Уровень доступа" value={access} onChange={(v) => setAccess(v as 'standard' | 'full')} error={fieldErr('access')}>
            <Stack gap={6} mt={6}>
              <Radio value="standard" label="Стандартный — заполнять и сохранять черновики, смотреть статусы" />
              <Radio value="full" label="Полный — также подавать документы от имени организации" />
            </Stack>
          </Radio.Group>
          <Group>
            <Button type="submit" loading={invite.isPending} disabled={!snils.trim()}>
              Пригласить
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function TrustedList() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: TRUSTED_KEY, queryFn: identityApi.trusted });
  const remove = useMutation({
    mutationFn: (id: string) => identityApi.removeTrusted(id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Доступ доверенного лица отменён' });
      void qc.invalidateQueries({ queryKey: TRUSTED_KEY });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Не удалось удалить', message: errorMessage(e) }),
  });
  return (
    <Card withBorder component="section" aria-label="Список доверенных лиц">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Доверенные лица организации
        </Title>
        {list.isPending && <Loading />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && <Empty>Доверенных лиц пока нет</Empty>}
        {list.data && list.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>ФИО</Table.Th>
                  <Table.Th>СНИЛС</Table.Th>
                  <Table.Th>Доступ</Table.Th>
                  <Table.Th>Действует по</Table.Th>
                  <Table.Th>Статус</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.fullName ?? '—'}</Table.Td>
                    <Table.Td>{formatSnils(t.snils)}</Table.Td>
                    <Table.Td>{ACCESS_LABEL[t.access] ?? t.access}</Table.Td>
                    <Table.Td>{formatDate(t.validUntil)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS[t.status].color}>
                        {STATUS[t.status].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {(t.status === 'invited' || t.status === 'active') && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={`Удалить доверенное лицо ${t.fullName ?? t.snils}`}
                          loading={remove.isPending && remove.variables === t.id}
                          onClick={() => remove.mutate(t.id)}
                        >
                          Удалить
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

function MyInvitations() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: INVITATIONS_KEY, queryFn: identityApi.invitations });
  const accept = useMutation({
    mutationFn: (id: string) => identityApi.accept(id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Приглашение принято. Организация появилась в меню «Сменить профиль».' });
      void qc.invalidateQueries({ queryKey: INVITATIONS_KEY });
      void qc.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Не удалось принять приглашение', message: errorMessage(e) }),
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  if (list.data.items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-label="Приглашения мне">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Приглашения стать доверенным лицом
        </Title>
        {list.data.items.map((i) => (
          <Group key={i.id} justify="space-between" wrap="nowrap" data-testid="invitation">
            <Stack gap={2}>
              <Text fw={500}>{i.organization.name}</Text>
              <Text size="xs" c="dimmed">
                ИНН {i.organization.inn} · доступ {ACCESS_LABEL[i.access] ?? i.access} · по {formatDate(i.validUntil)} · пригласил(а) {i.invitedBy}
              </Text>
            </Stack>
            <Button loading={accept.isPending && accept.variables === i.id} onClick={() => accept.mutate(i.id)} aria-label={`Принять приглашение ${i.organization.name}`}>
              Принять
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
