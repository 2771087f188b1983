/** The vehicle card: details, transfers, «Изменить», «Снять с учёта», the history. */
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtDate, fmtDateTime, fmtDecimal } from '../../lib/format';
import { OWNERSHIP_LABELS } from '../../lib/shared';
import { EntryActions, Field, RegisterHistory } from '../registers/common';
import { VehicleForm } from './VehicleForm';

export function VehicleCardPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['vehicles', 'one', id], queryFn: () => call(api.GET('/api/vehicles/{id}', { params: { path: { id } } })) });
  if (q.isPending) return <Loading label="Загрузка ТС…" />;
  if (q.isError) return <ErrorAlert error={q.error} title="Не удалось открыть транспортное средство" />;
  const v = q.data;
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to="/vehicles" size="sm">
          Транспортные средства
        </Anchor>
        <Text size="sm" c="dimmed">
          {v.plate}
        </Text>
      </Breadcrumbs>
      <PageTitle
        subtitle="Карточка транспортного средства"
        right={
          v.editable && (
            <Group gap="xs">
              <EntryActions
                editTitle="Изменение ТС"
                form={(close) => <VehicleForm vehicle={v} onCancel={close} onDone={close} />}
                archive={{
                  title: 'Снять ТС с учёта',
                  consequence:
                    'ТС уйдёт из вашего реестра, рейсы с ним приниматься не будут. Госномер станет свободен: его сможет зарегистрировать новый владелец — это будет записано как передача ТС.',
                  invalidate: ['vehicles'],
                  run: (reason) => call(api.POST('/api/vehicles/{id}/release', { params: { path: { id: v.id } }, body: { version: v.version, reason } })),
                }}
              />
            </Group>
          )
        }
      >
        {v.plate}
      </PageTitle>
      {v.archivedAt && (
        <Alert color="gray" mb="md" role="status">
          ТС снято с учёта {fmtDateTime(v.archivedAt)}: госномер свободен для регистрации другим перевозчиком.
        </Alert>
      )}
      <Card component="section" aria-label="Сведения о ТС" mb="lg">
        <Grid gutter="md">
          <Field label="Марка, модель" span={4}>
            {[v.make, v.model].filter(Boolean).join(' ') || '—'}
          </Field>
          <Field label="Объём кузова, м³" span={2}>
            {fmtDecimal(v.capacityM3)}
          </Field>
          <Field label="Грузоподъёмность, т" span={2}>
            {fmtDecimal(v.loadCapacityT)}
          </Field>
          <Field label="Терминал ГЛОНАСС/GPS" span={4}>
            {v.terminalNumber ?? '—'}
          </Field>
          <Field label="Основание владения" span={4}>
            {OWNERSHIP_LABELS[v.ownership as keyof typeof OWNERSHIP_LABELS]}
            {v.ownership === 'leased' ? `: ${v.leaseDocument ?? '—'}, до ${fmtDate(v.leaseUntil)}` : ''}
          </Field>
          <Field label="Перевозчик" span={4}>
            {v.carrierName} (ИНН {v.carrierInn})
          </Field>
          <Field label="Версия записи" span={4}>
            {v.version}
          </Field>
        </Grid>
      </Card>
      <Stack gap="lg">
        <Card component="section" aria-label="Передачи ТС">
          <Title order={2} size="h4" mb="sm">
            Передачи между перевозчиками
          </Title>
          {v.transfers.length === 0 ? (
            <Empty>Не передавалось</Empty>
          ) : (
            <ListTable minWidth={600} aria-label="Передачи ТС" columns={['Когда', 'От', 'Кому', 'Основание']}>
              {v.transfers.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td className="ossig-nowrap">{fmtDateTime(t.at)}</Table.Td>
                  <Table.Td>{t.fromCarrier}</Table.Td>
                  <Table.Td>{t.toCarrier}</Table.Td>
                  <Table.Td>{t.reason}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </Card>
        <RegisterHistory
          queryKey={['vehicles', 'history', v.id, v.version]}
          load={() => call(api.GET('/api/vehicles/{id}/history', { params: { path: { id: v.id } } }))}
          valueLabels={{ ownership: OWNERSHIP_LABELS }}
        />
      </Stack>
    </>
  );
}
