/**
 * «Трекеры»: trips formed from the trucks' trackers — what the tracks showed and what became of it
 * (formed, confirming a declared trip, on review), the review list (the operator closes a case with a
 * reason; the carrier sees its vehicles' cases), declared trips against the tracks, and, for the
 * operator, terminals no vehicle names. A producer and a facility read the trips from and to their own
 * sites and facility objects (the server scopes every list), without the review list.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { KeysetPager, fmtTotal, useKeyset } from '../../components/Keyset';
import { ListTable } from '../../components/ListTable';
import { fmtDateTime, fmtInt } from '../../lib/format';
import { ReasonDialog } from '../registers/common';
import { CHECK_LABELS, OutcomeBadge } from './labels';

const PAGE = 25;
type Tab = 'detections' | 'reviews' | 'declared' | 'terminals';
const TABS: Record<Tab, string> = { detections: 'Рейсы по трекерам', reviews: 'На проверке', declared: 'Сверка заявленных', terminals: 'Неизвестные терминалы' };

export function TelemetryPage() {
  const { hasRole } = useAuth();
  const operator = hasRole('operator');
  const reviews = operator || hasRole('carrier');
  const [params, setParams] = useSearchParams();
  const tabs = (Object.keys(TABS) as Tab[]).filter((t) => (t !== 'terminals' || operator) && (t !== 'reviews' || reviews));
  const tab = tabs.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'detections';
  return (
    <>
      <PageTitle subtitle="Рейсы, сформированные по данным трекеров ГЛОНАСС/GPS и датчиков кузова (2357-ПП): погрузка на объекте образования, подъём кузова на объекте приёма; расхождения с заявленными рейсами — на проверке у оператора">
        Трекеры
      </PageTitle>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'detections' ? { tab: v } : {}, { replace: true })}>
        <Tabs.List mb="sm">
          {tabs.map((t) => (
            <Tabs.Tab key={t} value={t}>
              {TABS[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t} value={t}>
            {t !== tab ? null : t === 'detections' ? <Detections /> : t === 'reviews' ? <Reviews operator={operator} /> : t === 'declared' ? <Declared /> : <Terminals />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function Detections() {
  const keyset = useKeyset();
  const [outcome, setOutcome] = useState<'all' | 'recorded' | 'linked' | 'review'>('all');
  const q = useQuery({
    queryKey: ['telemetry', 'detections', outcome, keyset.after],
    queryFn: () => call(api.GET('/api/telemetry/detections', { params: { query: { after: keyset.after, pageSize: PAGE, outcome: outcome === 'all' ? undefined : outcome } } })),
  });
  return (
    <>
      <SegmentedControl
        mb="sm"
        aria-label="Какие рейсы показать"
        value={outcome}
        onChange={(v) => {
          setOutcome(v as typeof outcome);
          keyset.reset();
        }}
        data={[
          { value: 'all', label: 'Все' },
          { value: 'recorded', label: 'Сформированы' },
          { value: 'linked', label: 'Подтверждают заявленные' },
          { value: 'review', label: 'На проверке' },
        ]}
        style={{ maxWidth: '100%', flexWrap: 'wrap' }}
      />
      <Card padding={0}>
        {q.isPending && <Loading label="Загрузка рейсов по трекерам…" />}
        {q.isError && <ErrorAlert error={q.error} />}
        {q.data && q.data.items.length === 0 && <Empty>Рейсов по данным трекеров нет</Empty>}
        {q.data && q.data.items.length > 0 && (
          <ListTable minWidth={860} aria-label="Рейсы по трекерам" columns={['Рейс', 'ТС', 'Откуда', 'Куда', 'Погрузка', 'Подъём кузова', { label: 'Км', num: true }, 'Состояние']}>
            {q.data.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td className="ossig-nowrap">
                  <Anchor component={Link} to={`/telemetry/${d.id}`} size="sm" fw={500}>
                    № {d.id}
                  </Anchor>
                </Table.Td>
                <Table.Td className="ossig-nowrap">{d.plate}</Table.Td>
                <Table.Td>{d.siteName}</Table.Td>
                <Table.Td>{d.facilityName ?? '—'}</Table.Td>
                <Table.Td className="ossig-nowrap">{fmtDateTime(d.loadedAt)}</Table.Td>
                <Table.Td className="ossig-nowrap">{fmtDateTime(d.unloadedAt)}</Table.Td>
                <Table.Td className="ossig-num">{d.distanceKm === null ? '—' : d.distanceKm.toLocaleString('ru-RU')}</Table.Td>
                <Table.Td>
                  <OutcomeBadge d={d} />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
        {q.data && <KeysetPager inset keyset={keyset} nextCursor={q.data.nextCursor} label="Страницы рейсов по трекерам" />}
      </Card>
    </>
  );
}

function Reviews({ operator }: { operator: boolean }) {
  const keyset = useKeyset();
  const [status, setStatus] = useState<'open' | 'dismissed'>('open');
  const [closing, setClosing] = useState<number | null>(null);
  const q = useQuery({
    queryKey: ['telemetry', 'reviews', status, keyset.after],
    queryFn: () => call(api.GET('/api/telemetry/reviews', { params: { query: { after: keyset.after, pageSize: PAGE, status } } })),
  });
  return (
    <>
      <SegmentedControl
        mb="sm"
        aria-label="Какие случаи показать"
        value={status}
        onChange={(v) => {
          setStatus(v as typeof status);
          keyset.reset();
        }}
        data={[
          { value: 'open', label: 'Открытые' },
          { value: 'dismissed', label: 'Закрытые' },
        ]}
      />
      <ReasonDialog
        opened={closing !== null}
        onClose={() => setClosing(null)}
        title="Закрыть случай"
        consequence="Случай уйдёт из открытых; причина будет видна перевозчику."
        confirmLabel="Закрыть случай"
        invalidate={['telemetry']}
        run={(reason) => call(api.POST('/api/telemetry/reviews/{id}/dismiss', { params: { path: { id: closing! } }, body: { reason: reason ?? '' } }))}
      />
      <Card padding={0}>
        {q.isPending && <Loading label="Загрузка случаев…" />}
        {q.isError && <ErrorAlert error={q.error} />}
        {q.data && q.data.items.length === 0 && <Empty>{status === 'open' ? 'Открытых случаев нет' : 'Закрытых случаев нет'}</Empty>}
        {q.data && q.data.items.length > 0 && (
          <ListTable minWidth={820} aria-label="Случаи на проверке" columns={['Когда', 'ТС, перевозчик', 'Причина', status === 'open' ? (operator ? 'Действие' : 'Трек') : 'Закрыт']}>
            {q.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td className="ossig-nowrap">{fmtDateTime(r.unloadedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{r.plate}</Text>
                  <Text size="xs" c="dimmed">
                    {r.carrierName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {r.kind === 'dump_outside' && (
                      <Badge color="red" variant="light" size="sm">
                        Возможный несанкционированный сброс
                      </Badge>
                    )}
                    <Text size="sm">{r.reason}</Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/telemetry/${r.detectionId}`} size="sm">
                      Трек
                    </Anchor>
                    {status === 'open' && operator && (
                      <Button size="xs" variant="light" onClick={() => setClosing(r.id)}>
                        Закрыть
                      </Button>
                    )}
                    {status === 'dismissed' && (
                      <Text size="xs" c="dimmed">
                        {fmtDateTime(r.dismissedAt)}: {r.dismissReason}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
        {q.data && <KeysetPager inset keyset={keyset} nextCursor={q.data.nextCursor} label="Страницы случаев" />}
      </Card>
    </>
  );
}

function Declared() {
  const keyset = useKeyset();
  const [check, setCheck] = useState<'unsupported' | 'no_data' | 'confirmed'>('unsupported');
  const q = useQuery({
    queryKey: ['telemetry', 'declared', check, keyset.after],
    queryFn: () => call(api.GET('/api/telemetry/declared', { params: { query: { after: keyset.after, pageSize: PAGE, check } } })),
  });
  return (
    <>
      <SegmentedControl
        mb="sm"
        aria-label="Какие заявленные рейсы показать"
        value={check}
        onChange={(v) => {
          setCheck(v as typeof check);
          keyset.reset();
        }}
        data={(['unsupported', 'no_data', 'confirmed'] as const).map((c) => ({ value: c, label: `${CHECK_LABELS[c]}${q.data ? `: ${fmtTotal(q.data.counts[c])}` : ''}` }))}
        style={{ maxWidth: '100%', flexWrap: 'wrap' }}
      />
      <Card padding={0}>
        {q.isPending && <Loading label="Загрузка сверки…" />}
        {q.isError && <ErrorAlert error={q.error} />}
        {q.data && q.data.items.length === 0 && <Empty>Таких заявленных рейсов нет</Empty>}
        {q.data && q.data.items.length > 0 && (
          <ListTable minWidth={720} aria-label="Заявленные рейсы и треки" columns={['Рейс', 'ТС', 'Откуда', 'Куда', 'Погрузка', 'Выгрузка']}>
            {q.data.items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td className="ossig-nowrap">№ {t.id}</Table.Td>
                <Table.Td className="ossig-nowrap">{t.plate}</Table.Td>
                <Table.Td>{t.siteName}</Table.Td>
                <Table.Td>{t.facilityName}</Table.Td>
                <Table.Td className="ossig-nowrap">{fmtDateTime(t.loadedAt)}</Table.Td>
                <Table.Td className="ossig-nowrap">{fmtDateTime(t.unloadedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
        {q.data && <KeysetPager inset keyset={keyset} nextCursor={q.data.nextCursor} label="Страницы заявленных рейсов" />}
      </Card>
    </>
  );
}

function Terminals() {
  const keyset = useKeyset();
  const q = useQuery({
    queryKey: ['telemetry', 'terminals', keyset.after],
    queryFn: () => call(api.GET('/api/telemetry/unknown-terminals', { params: { query: { after: keyset.after, pageSize: PAGE } } })),
  });
  return (
    <Card padding={0}>
      <Text size="sm" c="dimmed" p="md" pb={0}>
        Терминалы, которые присылают данные, но не указаны ни у одного ТС. Точки сохранены и будут привязаны, когда перевозчик укажет терминал в реестре ТС.
      </Text>
      {q.isPending && <Loading label="Загрузка терминалов…" />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && q.data.items.length === 0 && <Empty>Неизвестных терминалов нет</Empty>}
      {q.data && q.data.items.length > 0 && (
        <ListTable minWidth={720} aria-label="Неизвестные терминалы" columns={['Терминал', 'Протокол', 'Впервые', 'Последний раз', { label: 'Точек', num: true }, 'Последнее место']}>
          {q.data.items.map((t) => (
            <Table.Tr key={t.terminal}>
              <Table.Td className="ossig-nowrap">{t.terminal}</Table.Td>
              <Table.Td>{t.protocol === 'egts' ? 'ЕГТС' : 'Wialon IPS'}</Table.Td>
              <Table.Td className="ossig-nowrap">{fmtDateTime(t.firstSeen)}</Table.Td>
              <Table.Td className="ossig-nowrap">{fmtDateTime(t.lastSeen)}</Table.Td>
              <Table.Td className="ossig-num">{fmtInt(t.points)}</Table.Td>
              <Table.Td className="ossig-nowrap">{t.lastLatitude === null ? '—' : `${t.lastLatitude.toFixed(5)}, ${t.lastLongitude?.toFixed(5)}`}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      {q.data && <KeysetPager inset keyset={keyset} nextCursor={q.data.nextCursor} label="Страницы терминалов" />}
    </Card>
  );
}
