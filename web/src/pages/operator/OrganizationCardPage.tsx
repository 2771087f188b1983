/** The operator's card of an organization: details, what it keeps in the registers, «Приостановить доступ» / «Восстановить доступ» with a reason, the history. */
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Grid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDateTime, fmtInt } from '../../lib/format';
import { ORG_ROLE_LABELS, REGISTER_STATUS_LABELS } from '../../lib/shared';
import { Field, ReasonDialog, RegisterHistory } from '../registers/common';

export function OrganizationCardPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['operator', 'organizations', id], queryFn: () => call(api.GET('/api/operator/organizations/{id}', { params: { path: { id } } })) });
  const [changing, setChanging] = useState(false);
  if (q.isPending) return <Loading label="Загрузка организации…" />;
  if (q.isError) return <ErrorAlert error={q.error} title="Не удалось открыть организацию" />;
  const o = q.data;
  const suspended = o.status === 'suspended';
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to="/operator/registers" size="sm">
          Реестры
        </Anchor>
        <Text size="sm" c="dimmed">
          ИНН {o.inn}
        </Text>
      </Breadcrumbs>
      <PageTitle
        subtitle={o.roles.map((r) => ORG_ROLE_LABELS[r as keyof typeof ORG_ROLE_LABELS] ?? r).join(', ')}
        right={
          o.canSuspend && (
            <Button variant={suspended ? 'light' : 'subtle'} color={suspended ? 'teal' : 'red'} size="sm" onClick={() => setChanging(true)}>
              {suspended ? 'Восстановить доступ' : 'Приостановить доступ'}
            </Button>
          )
        }
      >
        {o.shortName ?? o.name}
      </PageTitle>
      {suspended && (
        <Alert color="red" mb="md" role="status" title="Доступ организации приостановлен">
          {o.statusChangedAt ? `С ${fmtDateTime(o.statusChangedAt)}. ` : ''}Причина: {o.statusReason ?? '—'}. Её пользователи могут только просматривать сведения; её объекты приёма не принимают новые рейсы.
        </Alert>
      )}
      <ReasonDialog
        opened={changing}
        onClose={() => setChanging(false)}
        title={suspended ? 'Восстановить доступ организации' : 'Приостановить доступ организации'}
        consequence={
          suspended
            ? 'Пользователи организации снова смогут действовать от её имени. Организация получит уведомление.'
            : 'Пользователи организации смогут только просматривать сведения и увидят причину; её объекты приёма перестанут принимать рейсы; заявления и разрешения, где она указана, будут помечены.'
        }
        confirmLabel={suspended ? 'Восстановить доступ' : 'Приостановить доступ'}
        invalidate={['operator']}
        run={(reason) =>
          suspended
            ? call(api.POST('/api/operator/organizations/{id}/restore', { params: { path: { id: o.id } }, body: { reason: reason ?? '' } }))
            : call(api.POST('/api/operator/organizations/{id}/suspend', { params: { path: { id: o.id } }, body: { reason: reason ?? '' } }))
        }
      />
      <Card component="section" aria-label="Сведения об организации" mb="lg">
        <Grid gutter="md">
          <Field label="Статус" span={4}>
            <Badge color={suspended ? 'red' : 'teal'} variant="light">
              {REGISTER_STATUS_LABELS[o.status as keyof typeof REGISTER_STATUS_LABELS]}
            </Badge>
          </Field>
          <Field label="Полное наименование" span={8}>
            {o.name}
          </Field>
          <Field label="ИНН" span={4}>
            {o.inn}
          </Field>
          <Field label="ОГРН / ОГРНИП" span={4}>
            {o.ogrn ?? '—'}
          </Field>
          <Field label="КПП" span={4}>
            {o.kpp ?? '—'}
          </Field>
          <Field label="Адрес" span={8}>
            {o.address ?? '—'}
          </Field>
          <Field label="Контакты" span={4}>
            {[o.email, o.phone].filter(Boolean).join(', ') || '—'}
          </Field>
          <Field label="Объекты образования ОСС" span={3}>
            {fmtInt(o.sites)}
          </Field>
          <Field label="Транспортные средства" span={3}>
            {fmtInt(o.vehicles)}
          </Field>
          <Field label="Объекты приёма" span={3}>
            {fmtInt(o.facilities)}
          </Field>
          <Field label="Участники" span={3}>
            {fmtInt(o.members)}
          </Field>
        </Grid>
      </Card>
      <RegisterHistory
        queryKey={['operator', 'organizations', 'history', o.id, o.version]}
        load={() => call(api.GET('/api/operator/organizations/{id}/history', { params: { path: { id: o.id } } }))}
        valueLabels={{ status: REGISTER_STATUS_LABELS }}
      />
    </>
  );
}
