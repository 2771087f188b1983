/**
 * «Профиль» (seed 003): the person's name and СНИЛС (to give to the head who
 * invites them), e-mail and phone confirmed by a code, the ways they sign in
 * (managed in «Безопасность»), and which notices come by e-mail.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Button, Checkbox, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, fieldError } from '../../api/client';
import type { Body, Ok } from '../../api/types';
import { ME_KEY, useAuth } from '../../auth';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { CopyValueButton, FormError, Section, SubmitRow } from '../../components/forms';
import { fmtDate, fmtDateTime } from '../../lib/format';

type Profile = Ok<'/api/profile', 'get'>;
type EmailSetting = Body<'/api/notifications/settings', 'put'>['settings'][number];
const PROFILE_KEY = ['profile'] as const;
const SETTINGS_KEY = ['profile', 'notification-settings'] as const;

export function ProfilePage() {
  const profile = useQuery({ queryKey: PROFILE_KEY, queryFn: () => call(api.GET('/api/profile')) });
  return (
    <>
      <PageTitle subtitle="Личные данные, контакты, способы входа и уведомления">Профиль</PageTitle>
      {profile.isPending ? (
        <Loading />
      ) : profile.error ? (
        <ErrorAlert error={profile.error} />
      ) : (
        <Stack gap="lg">
          <PersonCard profile={profile.data} />
          <ContactCard profile={profile.data} channel="email" />
          <ContactCard profile={profile.data} channel="phone" />
          <SignInCard profile={profile.data} />
          <NotificationsCard />
        </Stack>
      )}
    </>
  );
}

function ConfirmedBadge({ confirmed }: { confirmed: boolean }) {
  return confirmed ? (
    <Badge color="teal" variant="light">
      подтверждён
    </Badge>
  ) : (
    <Badge color="orange" variant="light">
      не подтверждён
    </Badge>
  );
}

function PersonCard({ profile }: { profile: Profile }) {
  const qc = useQueryClient();
  const [fullName, setFullName] = useState(profile.fullName);
  const [snils, setSnils] = useState(profile.snils ?? '');
  useEffect(() => {
    setFullName(profile.fullName);
    setSnils(profile.snils ?? '');
  }, [profile.fullName, profile.snils]);
  const save = useMutation({
    mutationFn: () => call(api.PATCH('/api/profile', { body: { fullName, ...(profile.snilsConfirmed ? {} : { snils: snils.trim() || null }) } })),
    onSuccess: (next) => {
      qc.setQueryData(PROFILE_KEY, next);
      void qc.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: 'teal', message: 'Личные данные сохранены' });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Section title="Личные данные">
      {profile.snils ? (
        <Group gap="sm" wrap="wrap">
          <Text>
            Ваш СНИЛС: <b data-testid="profile-snils">{profile.snils}</b>
          </Text>
          <CopyValueButton value={profile.snils} label="Скопировать СНИЛС" />
        </Group>
      ) : null}
      <Text size="sm" c="dimmed">
        Чтобы вас пригласили доверенным лицом организации, сообщите руководителю свой СНИЛС: приглашение придёт на него.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={480}>
          <FormError error={save.error} />
          <TextInput label="ФИО" autoComplete="name" value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={fieldError(save.error, 'fullName')} />
          <TextInput
            label="СНИЛС"
            placeholder="123-456-789 01"
            inputMode="numeric"
            value={snils}
            disabled={profile.snilsConfirmed}
            description={profile.snilsConfirmed ? 'Подтверждён электронной подписью при входе; если он неверен, обратитесь в поддержку' : '11 цифр; проверяется по контрольному числу'}
            onChange={(e) => setSnils(e.currentTarget.value)}
            error={fieldError(save.error, 'snils')}
          />
          <SubmitRow pending={save.isPending} />
        </Stack>
      </form>
    </Section>
  );
}

const CHANNEL = {
  email: { title: 'Электронная почта', field: 'email' as const, current: 'Адрес', next: 'Новый адрес', sent: 'письмо', inputMode: 'email' as const, placeholder: 'name@example.ru' },
  phone: { title: 'Телефон', field: 'phone' as const, current: 'Номер', next: 'Новый номер', sent: 'СМС', inputMode: 'tel' as const, placeholder: '+7 916 123-45-67' },
};

function ContactCard({ profile, channel }: { profile: Profile; channel: 'email' | 'phone' }) {
  const qc = useQueryClient();
  const c = CHANNEL[channel];
  const current = channel === 'email' ? profile.email : profile.phone;
  const confirmed = channel === 'email' ? profile.emailConfirmed : profile.phoneConfirmed;
  const pending = channel === 'email' ? profile.emailPending : profile.phonePending;
  const [value, setValue] = useState('');
  const [code, setCode] = useState('');
  const send = useMutation({
    mutationFn: (v: string) =>
      channel === 'email' ? call(api.POST('/api/profile/email', { body: { email: v } })) : call(api.POST('/api/profile/phone', { body: { phone: v } })),
    onSuccess: (r) => {
      setCode('');
      void qc.invalidateQueries({ queryKey: PROFILE_KEY });
      notifications.show({ color: 'teal', message: `Код отправлен: ${r.sentTo}` });
    },
  });
  const confirm = useMutation({
    mutationFn: () =>
      channel === 'email' ? call(api.POST('/api/profile/email/confirm', { body: { code } })) : call(api.POST('/api/profile/phone/confirm', { body: { code } })),
    onSuccess: (next) => {
      setValue('');
      setCode('');
      qc.setQueryData(PROFILE_KEY, next);
      void qc.invalidateQueries({ queryKey: ME_KEY });
      notifications.show({ color: 'teal', message: `${c.title}: подтверждено` });
    },
  });
  return (
    <Section title={c.title}>
      {current ? (
        <Group gap="sm" wrap="wrap">
          <Text>
            {c.current}: <b>{current}</b>
          </Text>
          <ConfirmedBadge confirmed={confirmed} />
          {!confirmed && !pending && (
            <Button size="xs" variant="light" loading={send.isPending && send.variables === current} onClick={() => send.mutate(current)}>
              Подтвердить
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Не указан. {channel === 'email' ? 'По адресу можно входить и получать уведомления.' : 'По номеру можно входить в кабинет.'}
        </Text>
      )}
      {pending ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            confirm.mutate();
          }}
          noValidate
        >
          <Stack gap="sm" maw={480}>
            <Text size="sm">
              Код отправлен ({c.sent}) на <b>{pending.value}</b>, действует до {fmtDateTime(pending.expiresAt)}. Пока код не введён, остаётся прежнее значение.
            </Text>
            <FormError error={confirm.error} />
            <TextInput
              label="Код из сообщения"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fieldError(confirm.error, 'code')}
            />
            <Group>
              <Button type="submit" loading={confirm.isPending}>
                Подтвердить
              </Button>
              <Button variant="default" loading={send.isPending} onClick={() => send.mutate(pending.value)}>
                Отправить код ещё раз
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(value);
        }}
        noValidate
      >
        <Stack gap="sm" maw={480}>
          <FormError error={send.error} />
          <TextInput
            label={current ? c.next : c.title}
            inputMode={c.inputMode}
            placeholder={c.placeholder}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={fieldError(send.error, c.field)}
          />
          <Group>
            <Button type="submit" variant="light" loading={send.isPending && send.variables === value}>
              Отправить код
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function SignInCard({ profile }: { profile: Profile }) {
  const s = profile.signIn;
  return (
    <Section title="Способы входа">
      <List spacing={4} size="sm">
        <List.Item>
          Логин и пароль: {s.password ? 'пароль задан' : 'пароль не задан'} (логин — электронная почта, телефон или СНИЛС)
        </List.Item>
        <List.Item>
          Второй фактор (код из приложения): {s.secondFactor ? `включён, резервных кодов осталось ${s.recoveryCodesLeft}` : 'выключен'}
        </List.Item>
        <List.Item>
          Электронная подпись:{' '}
          {s.certificates.length
            ? s.certificates.map((cert) => `сертификат № ${cert.serialNumber}${cert.issuer ? ` (${cert.issuer})` : ''}, последний вход ${fmtDate(cert.lastUsedAt)}`).join('; ')
            : 'вы ещё не входили по электронной подписи'}
        </List.Item>
        {s.oidc && <List.Item>Внешний провайдер входа (ЕСИА/OpenID Connect): использовался</List.Item>}
      </List>
      <Text size="sm">
        Пароль, второй фактор и сеансы —{' '}
        <Anchor component={Link} to="/security">
          в разделе «Безопасность»
        </Anchor>
        .
      </Text>
    </Section>
  );
}

function NotificationsCard() {
  const qc = useQueryClient();
  const { me } = useAuth();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => call(api.GET('/api/notifications/settings')) });
  const set = useMutation({
    mutationFn: (s: EmailSetting) => call(api.PUT('/api/notifications/settings', { body: { settings: [s] } })),
    onSuccess: (next) => qc.setQueryData(SETTINGS_KEY, next),
  });
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorAlert error={settings.error} />;
  const myRoles = new Set(me.organizations.flatMap((o) => o.roles));
  const shown = settings.data.items.filter((s) => s.roles.some((r) => myRoles.has(r)));
  return (
    <Section title="Уведомления по электронной почте">
      <Text size="sm" c="dimmed">
        Отмеченные события приходят и письмом{profileEmailHint(me.person.email)}. Уведомления в кабинете приходят всегда.
      </Text>
      <FormError error={set.error} />
      {shown.length ? (
        <Stack gap="xs">
          {shown.map((s) => (
            <Checkbox
              key={s.event}
              label={s.label}
              checked={s.email}
              disabled={set.isPending}
              onChange={(e) => set.mutate({ event: s.event as EmailSetting['event'], email: e.currentTarget.checked })}
            />
          ))}
        </Stack>
      ) : (
        <Text size="sm">Для ваших организаций писем о событиях нет.</Text>
      )}
    </Section>
  );
}

const profileEmailHint = (email: string | null) => (email ? ` на ${email}` : ' (укажите и подтвердите адрес выше)');
