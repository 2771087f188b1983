/**
 * «Профиль организации» (seed 003): the details from the state register
 * (ЕГРЮЛ/ЕГРИП) or the e-signature certificate, what was typed by hand, КПП,
 * address and contacts. Everyone acting for the organization reads it; only
 * the head changes it (the server checks the right, the page only hides the
 * form from others).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, fieldError } from '../../api/client';
import type { Body, Ok } from '../../api/types';
import { ME_KEY, useAuth } from '../../auth';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { FormError, Section, SubmitRow } from '../../components/forms';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { ORG_ROLE_LABELS } from '../../lib/shared';

type OrgProfile = Ok<'/api/organization', 'get'>;
export const ORG_PROFILE_KEY = ['organization', 'profile'] as const;

const SOURCE: Record<string, { label: string; color: string }> = {
  register: { label: 'из ЕГРЮЛ/ЕГРИП', color: 'teal' },
  certificate: { label: 'из сертификата подписи', color: 'blue' },
  manual: { label: 'введено вручную', color: 'orange' },
};

/** What the profile still lacks (seed 003: КПП of a legal entity, e-mail and phone). */
export function missingDetails(p: Pick<OrgProfile, 'kind' | 'kpp' | 'email' | 'phone' | 'address'>): string[] {
  return [
    ...(p.kind === 'legal' && !p.kpp ? ['КПП'] : []),
    ...(!p.address ? ['адрес'] : []),
    ...(!p.email ? ['электронная почта'] : []),
    ...(!p.phone ? ['телефон'] : []),
  ];
}

export function OrganizationPage() {
  const { organization } = useAuth();
  const profile = useQuery({ queryKey: ORG_PROFILE_KEY, queryFn: () => call(api.GET('/api/organization')), enabled: !!organization });
  const isHead = organization?.role === 'head';
  return (
    <>
      <PageTitle subtitle="Сведения из реестра, что введено вручную, контакты">Профиль организации</PageTitle>
      {profile.isPending ? (
        <Loading />
      ) : profile.error ? (
        <ErrorAlert error={profile.error} />
      ) : (
        <Stack gap="lg">
          <Prompt profile={profile.data} isHead={isHead} />
          <DetailsCard profile={profile.data} isHead={isHead} />
          {isHead ? <EditCard profile={profile.data} /> : (
            <Text size="sm" c="dimmed">
              Изменять профиль организации может только её руководитель.
            </Text>
          )}
          <HistoryCard profile={profile.data} />
        </Stack>
      )}
    </>
  );
}

function Prompt({ profile, isHead }: { profile: OrgProfile; isHead: boolean }) {
  const missing = missingDetails(profile);
  if (!missing.length) return null;
  return (
    <Alert color="yellow" title="Дополните профиль организации" data-testid="profile-prompt">
      Не указано: {missing.join(', ')}. {isHead ? 'Заполните ниже — эти сведения попадают в документы и нужны для связи.' : 'Заполнить их может руководитель организации.'}
    </Alert>
  );
}

function SourceBadge({ source }: { source: string }) {
  const s = SOURCE[source] ?? { label: source, color: 'gray' };
  return (
    <Badge variant="light" color={s.color}>
      {s.label}
    </Badge>
  );
}

function DetailsCard({ profile, isHead }: { profile: OrgProfile; isHead: boolean }) {
  const qc = useQueryClient();
  const lookup = useMutation({
    mutationFn: () => call(api.POST('/api/organization/register-lookup')),
    onSuccess: (r) => {
      qc.setQueryData(ORG_PROFILE_KEY, r.profile);
      void qc.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: r.found ? 'teal' : 'yellow', message: r.found ? 'Профиль заполнен из реестра' : (r.reason ?? 'Реестр не ответил') });
    },
  });
  const rows: { label: string; value: string | null; source?: string }[] = [
    { label: 'Полное наименование', value: profile.name, source: profile.fieldSources.name },
    { label: 'Сокращённое наименование', value: profile.shortName, source: profile.fieldSources.shortName },
    { label: 'ИНН', value: profile.inn, source: profile.fieldSources.inn },
    { label: profile.kind === 'individual' ? 'ОГРНИП' : 'ОГРН', value: profile.ogrn, source: profile.fieldSources.ogrn },
    ...(profile.kind === 'legal' ? [{ label: 'КПП', value: profile.kpp, source: profile.fieldSources.kpp }] : []),
    { label: 'Адрес', value: profile.address, source: profile.fieldSources.address },
    { label: 'Электронная почта', value: profile.email },
    { label: 'Телефон', value: profile.phone },
    { label: 'Расчётный счёт', value: profile.bank?.account ?? null },
    { label: 'Банк', value: profile.bank?.name ?? null },
    { label: 'БИК', value: profile.bank?.bik ?? null },
    { label: 'Корреспондентский счёт', value: profile.bank?.corrAccount ?? null },
  ];
  return (
    <Section
      title="Сведения об организации"
      right={
        isHead ? (
          <Button variant="light" loading={lookup.isPending} onClick={() => lookup.mutate()}>
            Заполнить из ЕГРЮЛ/ЕГРИП
          </Button>
        ) : undefined
      }
    >
      <FormError error={lookup.error} />
      <Text size="sm" c="dimmed">
        {profile.kind === 'individual' ? 'Индивидуальный предприниматель' : 'Юридическое лицо'}; роли: {profile.roles.map((r) => ORG_ROLE_LABELS[r as keyof typeof ORG_ROLE_LABELS] ?? r).join(', ')}.
        {profile.registerCheckedAt ? ` Сверено с реестром ${fmtDate(profile.registerCheckedAt)}.` : ' С реестром не сверялось.'}
      </Text>
      <Stack gap={6}>
        {rows.map((r) => (
          <SimpleGrid key={r.label} cols={{ base: 1, sm: 3 }} spacing={4} verticalSpacing={0}>
            <Text size="sm" c="dimmed">
              {r.label}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {r.value ?? '—'}
            </Text>
            <div>{r.source && r.value ? <SourceBadge source={r.source} /> : null}</div>
          </SimpleGrid>
        ))}
      </Stack>
    </Section>
  );
}

type Patch = Body<'/api/organization', 'patch'>;

function EditCard({ profile }: { profile: OrgProfile }) {
  const qc = useQueryClient();
  const initial = () => ({
    name: profile.name,
    shortName: profile.shortName ?? '',
    kpp: profile.kpp ?? '',
    address: profile.address ?? '',
    email: profile.email ?? '',
    phone: profile.phone ?? '',
    bankAccount: profile.bank?.account ?? '',
    bik: profile.bank?.bik ?? '',
    corrAccount: profile.bank?.corrAccount ?? '',
    bankName: profile.bank?.name ?? '',
  });
  const [form, setForm] = useState(initial);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setForm(initial()), [profile]);
  const save = useMutation({
    mutationFn: () => {
      // Only what changed: an unchanged detail keeps its source (register, certificate).
      const now = initial();
      const body: Patch = {};
      for (const k of Object.keys(now) as (keyof typeof now)[]) {
        if (form[k] === now[k]) continue;
        if (k === 'name') body.name = form.name;
        else body[k] = form[k].trim() === '' ? null : form[k];
      }
      return call(api.PATCH('/api/organization', { body }));
    },
    onSuccess: (next) => {
      qc.setQueryData(ORG_PROFILE_KEY, next);
      void qc.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: 'teal', message: 'Профиль организации сохранён' });
    },
  });
  const field = (k: keyof ReturnType<typeof initial>, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput label={label} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.currentTarget.value })} error={fieldError(save.error, k)} {...extra} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Section title="Изменить профиль">
      <Text size="sm" c="dimmed">
        Изменённые здесь сведения отмечаются как введённые вручную и попадают в документы, заказанные после изменения.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={640}>
          <FormError error={save.error} />
          {field('name', 'Полное наименование')}
          {field('shortName', 'Сокращённое наименование')}
          {profile.kind === 'legal' && field('kpp', 'КПП', { inputMode: 'numeric', placeholder: '770101001' })}
          {field('address', 'Адрес')}
          {field('email', 'Электронная почта', { inputMode: 'email', placeholder: 'info@example.ru' })}
          {field('phone', 'Телефон', { inputMode: 'tel', placeholder: '+7 495 123-45-67' })}
          <Text size="sm" fw={500} mt="xs">
            Банковские реквизиты — печатаются в счетах на оплату
          </Text>
          {field('bankAccount', 'Расчётный счёт', { inputMode: 'numeric', placeholder: '20 цифр' })}
          {field('bik', 'БИК', { inputMode: 'numeric', placeholder: '9 цифр' })}
          {field('corrAccount', 'Корреспондентский счёт', { inputMode: 'numeric', placeholder: '30101…, 20 цифр' })}
          {field('bankName', 'Наименование банка')}
          <SubmitRow pending={save.isPending} />
        </Stack>
      </form>
    </Section>
  );
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Полное наименование',
  short_name: 'Сокращённое наименование',
  kpp: 'КПП',
  address: 'Адрес',
  email: 'Электронная почта',
  phone: 'Телефон',
  bank_account: 'Расчётный счёт',
  bank_bik: 'БИК',
  bank_corr_account: 'Корреспондентский счёт',
  bank_name: 'Наименование банка',
};

function HistoryCard({ profile }: { profile: OrgProfile }) {
  if (!profile.history.length) return null;
  return (
    <Section title="История изменений">
      <Stack gap="sm">
        {profile.history.map((h, i) => (
          <div key={i}>
            <Text size="sm" fw={500}>
              {fmtDateTime(h.at)} · {h.source ?? '—'}
              {h.by ? ` · ${h.by}` : ''}
            </Text>
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {h.changes.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {FIELD_NAMES[c.field] ?? c.field}: {c.before ?? '—'} → {c.after ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
    </Section>
  );
}
