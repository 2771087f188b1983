/** The card of a receiving facility: details, accepted ФККО codes, permits in force naming it, «Изменить», «Снять с учёта»; for the operator «Приостановить доступ» / «Восстановить доступ»; the history. */
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { FACILITY_KIND_LABELS, REGISTER_STATUS_LABELS } from '../../lib/shared';
import { useAuth } from '../../auth';
import { EntryActions, Field, ReasonDialog, RegisterHistory } from '../registers/common';
import { BoundaryCard } from '../telemetry/BoundaryCard';
import { FacilityForm } from './FacilityForm';
import { FacilityStatusBadge, capacityText } from './status';

const spaced = (c: string) => (/^\d{11}$/.test(c) ? `${c[0]} ${c.slice(1, 3)} ${c.slice(3, 6)} ${c.slice(6, 8)} ${c.slice(8, 10)} ${c[10]}` : c);

export function FacilityCardPage() {
  const { id = '' } = useParams();
  const { hasRole } = useAuth();
  const operator = hasRole('operator');
  const q = useQuery({ queryKey: ['facilities', 'one', id], queryFn: () => call(api.GET('/api/facilities/{id}', { params: { path: { id } } })) });
  const [changing, setChanging] = useState(false);
  if (q.isPending) return <Loading label="Загрузка объекта приёма…" />;
  if (q.isError) return <ErrorAlert error={q.error} title="Не удалось открыть объект приёма" />;
  const f = q.data;
  const suspended = f.status === 'suspended';
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to={operator ? '/operator/registers?tab=facilities' : '/facilities'} size="sm">
          {operator ? 'Реестры' : 'Объекты приёма'}
        </Anchor>
        <Text size="sm" c="dimmed">
          {f.number}
        </Text>
      </Breadcrumbs>
      <PageTitle
        subtitle={`Объект приёма ${f.number} · ${f.organizationName}`}
        right={
          <Group gap="xs">
            {f.editable && (
              <EntryActions
                editTitle="Изменение объекта приёма"
                editSize="xl"
                form={(close) => <FacilityForm facility={f} onCancel={close} onDone={close} />}
                archive={{
                  title: 'Снять объект приёма с учёта',
                  consequence:
                    'Объект перейдёт в архив: изменить его и выбрать в заявлениях будет нельзя. Пока он указан в действующем разрешении или в заявлении на рассмотрении, снять его нельзя. История сохранится.',
                  invalidate: ['facilities'],
                  run: (reason) => call(api.POST('/api/facilities/{id}/archive', { params: { path: { id: f.id } }, body: { version: f.version, reason } })),
                }}
              />
            )}
            {f.canSuspend && (
              <Button variant={suspended ? 'light' : 'subtle'} color={suspended ? 'teal' : 'red'} size="sm" onClick={() => setChanging(true)}>
                {suspended ? 'Восстановить доступ' : 'Приостановить доступ'}
              </Button>
            )}
          </Group>
        }
      >
        {f.name}
      </PageTitle>
      {f.archivedAt && (
        <Alert color="gray" mb="md" role="status">
          Объект приёма снят с учёта {fmtDateTime(f.archivedAt)}
        </Alert>
      )}
      {suspended && (
        <Alert color="red" mb="md" role="status" title="Доступ объекта приёма приостановлен оператором">
          {f.statusChangedAt ? `С ${fmtDateTime(f.statusChangedAt)}. ` : ''}Причина: {f.statusReason ?? '—'}. Пока доступ приостановлен, новые рейсы на этот объект не принимаются, а в заявлениях его выбрать нельзя (1386-ПП п. 7.2).
        </Alert>
      )}
      {f.organizationStatus === 'suspended' && (
        <Alert color="red" mb="md" role="status" title="Доступ организации приостановлен оператором">
          Причина: {f.organizationStatusReason ?? '—'}.
        </Alert>
      )}
      <ReasonDialog
        opened={changing}
        onClose={() => setChanging(false)}
        title={suspended ? 'Восстановить доступ объекта приёма' : 'Приостановить доступ объекта приёма'}
        consequence={
          suspended
            ? 'Объект снова будет принимать рейсы и появится в выборе объектов приёма в заявлениях. Организация получит уведомление.'
            : 'Новые рейсы на этот объект будут отклоняться, в заявлениях его нельзя будет выбрать, а разрешения, где он указан, будут помечены. Организация получит уведомление с причиной.'
        }
        confirmLabel={suspended ? 'Восстановить доступ' : 'Приостановить доступ'}
        invalidate={['facilities']}
        run={(reason) =>
          suspended
            ? call(api.POST('/api/operator/facilities/{id}/restore', { params: { path: { id: f.id } }, body: { reason: reason ?? '' } }))
            : call(api.POST('/api/operator/facilities/{id}/suspend', { params: { path: { id: f.id } }, body: { reason: reason ?? '' } }))
        }
      />
      <Card component="section" aria-label="Сведения об объекте приёма" mb="lg">
        <Grid gutter="md">
          <Field label="Статус" span={4}>
            <FacilityStatusBadge status={f.status} />
          </Field>
          <Field label="Вид деятельности" span={4}>
            {FACILITY_KIND_LABELS[f.kind as keyof typeof FACILITY_KIND_LABELS]}
          </Field>
          <Field label="Режим работы" span={4}>
            {f.workingHours ?? '—'}
          </Field>
          <Field label="Адрес" span={8}>
            {f.address}
          </Field>
          <Field label="Мощность в сутки" span={4}>
            {capacityText(f.dailyCapacityT, f.dailyCapacityM3)}
          </Field>
          <Field label="Лицензия" span={8}>
            {f.licenceNumber ? `№ ${f.licenceNumber} от ${fmtDate(f.licenceIssuedOn)}${f.licenceValidUntil ? `, действует до ${fmtDate(f.licenceValidUntil)}` : ', бессрочная'}` : 'не требуется (отходы V класса опасности)'}
          </Field>
          <Field label="Организация" span={4}>
            {f.organizationName} (ИНН {f.organizationInn})
          </Field>
        </Grid>
      </Card>
      <Stack gap="lg">
        <Card component="section" aria-label="Принимаемые коды ФККО">
          <Title order={2} size="h4" mb="sm">
            Принимаемые отходы (ФККО)
          </Title>
          <ListTable minWidth={560} aria-label="Принимаемые коды ФККО" columns={['Код ФККО', 'Наименование']}>
            {f.wasteTypes.map((t) => (
              <Table.Tr key={t.code}>
                <Table.Td className="ossig-nowrap">{spaced(t.code)}</Table.Td>
                <Table.Td>{t.name}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Card>
        <Card component="section" aria-label="Действующие разрешения">
          <Title order={2} size="h4" mb="sm">
            Действующие разрешения, где указан объект
          </Title>
          {suspended && f.permits.length > 0 && (
            <Alert color="orange" mb="sm" role="status">
              Доступ объекта приостановлен: рейсы по этим разрешениям на него не принимаются.
            </Alert>
          )}
          {f.permits.length === 0 ? (
            <Empty>Нет действующих разрешений</Empty>
          ) : (
            <ListTable minWidth={480} aria-label="Разрешения" columns={['Номер', 'Срок действия']}>
              {f.permits.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td className="ossig-nowrap">
                    <Anchor component={Link} to={`/permits/${p.id}`} size="sm">
                      {p.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="ossig-nowrap">
                    {fmtDate(p.validFrom)} — {fmtDate(p.validTo)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </Card>
        <BoundaryCard entity="facility" id={f.id} invalidate={['facilities']} />
        <RegisterHistory
          queryKey={['facilities', 'history', f.id, f.version]}
          load={() => call(api.GET('/api/facilities/{id}/history', { params: { path: { id: f.id } } }))}
          valueLabels={{ kind: FACILITY_KIND_LABELS, status: REGISTER_STATUS_LABELS }}
        />
      </Stack>
    </>
  );
}
