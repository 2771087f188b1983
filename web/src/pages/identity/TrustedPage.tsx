/**
 * «Доверенные лица» (seed 003). The head invites a person by СНИЛС for a term
 * with standard or full access, sees the list with statuses and removes.
 * Anyone sees the invitations addressed to them and accepts them; the
 * organization then appears in «Сменить профиль».
 */
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldError } from '../../api/client';
import { ME_KEY, useAuth } from '../../auth';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { FormError, RuDateInput, Section } from '../../components/forms';
import { RowActionButton, useRowAction } from '../../components/RowAction';
import { fmtDate } from '../../lib/format';
import { FIELD_LABELS, formatSnils } from '../../lib/shared';
import { ACCESS_LABEL, identityApi, type TrustedRow } from './api';

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
  const [sent, setSent] = useState<{ snils: string; registered: boolean; emailed: boolean } | null>(null);
  const invite = useMutation({
    mutationFn: () => identityApi.invite({ snils: snils.trim(), access, validUntil }),
    onSuccess: (r) => {
      setSent({ snils: snils.trim(), registered: r.registered, emailed: r.emailed });
      setSnils('');
      void qc.invalidateQueries({ queryKey: TRUSTED_KEY });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (snils.trim() && validUntil) invite.mutate();
  };
  return (
    <Section title="Пригласить доверенное лицо">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          <FormError error={invite.error} />
          {sent && (
            <Alert color={sent.registered ? 'teal' : 'yellow'} role="status" title={sent.registered ? 'Приглашение отправлено' : 'Пользователя с таким СНИЛС пока нет'} data-testid="invite-result">
              {sent.registered
                ? `Приглашённый${sent.emailed ? ' получит письмо и' : ''} увидит приглашение в разделе «Доверенные лица»; доступ откроется, когда он его примет.`
                : `В ОССиГ ещё никто не зарегистрирован со СНИЛС ${formatSnils(sent.snils)}. Приглашение сохранено: когда человек зарегистрируется с этим СНИЛС или войдёт по электронной подписи, он увидит приглашение в разделе «Доверенные лица» и сможет принять его до конца срока. Сообщите ему об этом сами — письмо отправить некому.`}
            </Alert>
          )}
          <TextInput
            label={FIELD_LABELS.snils}
            description="СНИЛС пользователя, зарегистрированного в ОССиГ"
            placeholder="123-456-789 01"
            value={snils}
            onChange={(e) => setSnils(e.currentTarget.value)}
            error={fieldError(invite.error, 'snils')}
          />
          <RuDateInput
            label={FIELD_LABELS.validUntil}
            description="Последний день, когда доверенность действует (дд.мм.гггг)"
            minDate={new Date().toISOString().slice(0, 10)}
            value={validUntil}
            onChange={(v) => setValidUntil(v ?? '')}
            error={fieldError(invite.error, 'validUntil')}
            w={220}
          />
          <Radio.Group label={FIELD_LABELS.access} value={access} onChange={(v) => setAccess(v as 'standard' | 'full')} error={fieldError(invite.error, 'access')}>
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
    </Section>
  );
}

function TrustedList() {
  const phone = useMediaQuery('(max-width: 48em)');
  const list = useQuery({ queryKey: TRUSTED_KEY, queryFn: identityApi.trusted });
  const remove = useRowAction(identityApi.removeTrusted, { done: 'Доступ доверенного лица отменён', failed: 'Не удалось удалить', refresh: [TRUSTED_KEY] });
  return (
    <Section title="Доверенные лица организации" label="Список доверенных лиц">
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Empty>Доверенных лиц пока нет</Empty>}
      {list.data && list.data.items.length > 0 && phone && (
        <Stack gap="xs" role="list" aria-label="Доверенные лица">
          {list.data.items.map((t) => (
            <Stack key={t.id} gap={2} role="listitem" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" fw={500}>
                {t.fullName ?? '—'} · СНИЛС {formatSnils(t.snils)}
              </Text>
              <Text size="xs" c="dimmed">
                доступ {ACCESS_LABEL[t.access] ?? t.access} · по {fmtDate(t.validUntil)}
              </Text>
              <Group gap="xs">
                <Badge variant="light" color={STATUS[t.status].color}>
                  {STATUS[t.status].label}
                </Badge>
                {(t.status === 'invited' || t.status === 'active') && (
                  <RowActionButton action={remove} id={t.id} aria-label={`Удалить доверенное лицо ${t.fullName ?? t.snils}`}>
                    Удалить
                  </RowActionButton>
                )}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
      {list.data && list.data.items.length > 0 && !phone && (
        <ListTable minWidth={640} striped columns={['ФИО', 'СНИЛС', 'Доступ', 'Действует по', 'Статус', '']}>
          {list.data.items.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.fullName ?? '—'}</Table.Td>
              <Table.Td>{formatSnils(t.snils)}</Table.Td>
              <Table.Td>{ACCESS_LABEL[t.access] ?? t.access}</Table.Td>
              <Table.Td>{fmtDate(t.validUntil)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS[t.status].color}>
                  {STATUS[t.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>
                {(t.status === 'invited' || t.status === 'active') && (
                  <RowActionButton action={remove} id={t.id} aria-label={`Удалить доверенное лицо ${t.fullName ?? t.snils}`}>
                    Удалить
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

function MyInvitations() {
  const list = useQuery({ queryKey: INVITATIONS_KEY, queryFn: identityApi.invitations });
  const accept = useRowAction(identityApi.accept, {
    done: 'Приглашение принято. Организация появилась в меню «Сменить профиль».',
    failed: 'Не удалось принять приглашение',
    refresh: [INVITATIONS_KEY, ME_KEY],
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  if (list.data.items.length === 0) return null;
  return (
    <Section title="Приглашения стать доверенным лицом" label="Приглашения мне">
      {list.data.items.map((i) => (
        <Group key={i.id} justify="space-between" wrap="nowrap" data-testid="invitation">
          <Stack gap={2}>
            <Text fw={500}>{i.organization.name}</Text>
            <Text size="xs" c="dimmed">
              ИНН {i.organization.inn} · доступ {ACCESS_LABEL[i.access] ?? i.access} · по {fmtDate(i.validUntil)} · пригласил(а) {i.invitedBy}
            </Text>
          </Stack>
          <RowActionButton action={accept} id={i.id} size="sm" variant="filled" color="ossig" aria-label={`Принять приглашение ${i.organization.name}`}>
            Принять
          </RowActionButton>
        </Group>
      ))}
    </Section>
  );
}
