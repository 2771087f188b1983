/**
 * «Аналитика»: the organization's (the operator's: the city's) volumes by month, ФККО code, facility and
 * carrier, acceptance, permits near their limits; for the operator by district and organization. Filters
 * live in the address (?from=ГГГГ-ММ&to=…&wasteCode=…&facilityId=…) so a view can be shared; XLSX export (a sheet per table) and CSV of one table.
 */
import { useSearchParams } from 'react-router-dom';
import { Anchor, Badge, Button, Card, Grid, Group, Menu, NativeSelect, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Ok, Query } from '../../api/types';
import { useAuth } from '../../auth';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDecimal, fmtInt, shortOrg } from '../../lib/format';
import { RowsList } from '../money/RowsList';
import { MonthBars, RowBars } from './Charts';

type Dashboard = Ok<'/api/analytics', 'get'>;
const MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const monthShort = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`;
const fkko = (c: string) => (c.length === 11 ? `${c[0]} ${c.slice(1, 3)} ${c.slice(3, 6)} ${c.slice(6, 8)} ${c.slice(8, 10)} ${c[10]}` : c);
const m3 = (v: string) => `${fmtDecimal(v, 2)} м³`;
const CSV_TABLES: Array<{ table: string; label: string; operator?: boolean }> = [
  { table: 'months', label: 'По месяцам' },
  { table: 'codes', label: 'По кодам ФККО' },
  { table: 'facilities', label: 'По объектам приёма' },
  { table: 'carriers', label: 'По перевозчикам' },
  { table: 'permits', label: 'Разрешения' },
  { table: 'districts', label: 'По округам', operator: true },
  { table: 'organizations', label: 'По организациям', operator: true },
];

export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const { hasRole } = useAuth();
  const q: Query<'/api/analytics', 'get'> = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    wasteCode: params.get('wasteCode') ?? undefined,
    facilityId: params.get('facilityId') ?? undefined,
  };
  const data = useQuery({ queryKey: ['analytics', q], queryFn: () => call(api.GET('/api/analytics', { params: { query: q } })) });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const d = data.data;
  const xlsx = `/api/analytics/xlsx${params.toString() ? `?${params.toString()}` : ''}`;
  return (
    <>
      <PageTitle
        subtitle={hasRole('operator') ? 'Перемещение ОСС по городу: по итогам рейсов, обновляется сразу' : 'Перемещение ОСС вашей организации: по итогам рейсов, обновляется сразу'}
        right={
          <Group gap="xs">
            <Button component="a" href={xlsx} download variant="light">
              Выгрузить в XLSX
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="subtle">Таблица в CSV</Button>
              </Menu.Target>
              <Menu.Dropdown>
                {CSV_TABLES.filter((t) => !t.operator || hasRole('operator')).map((t) => {
                  const p = new URLSearchParams(params);
                  p.set('table', t.table);
                  return (
                    <Menu.Item key={t.table} component="a" href={`/api/analytics/csv?${p.toString()}`} download>
                      {t.label}
                    </Menu.Item>
                  );
                })}
              </Menu.Dropdown>
            </Menu>
          </Group>
        }
      >
        Аналитика
      </PageTitle>
      <Stack gap="md">
        <Card withBorder component="section" aria-label="Отбор">
          <Grid align="flex-end">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <MonthPickerInput label="Период с" placeholder="мм.гггг" valueFormat="MM.YYYY" value={d ? `${d.from}-01` : null} onChange={(v) => set('from', v ? v.slice(0, 7) : null)} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <MonthPickerInput label="по" placeholder="мм.гггг" valueFormat="MM.YYYY" value={d ? `${d.to}-01` : null} onChange={(v) => set('to', v ? v.slice(0, 7) : null)} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <NativeSelect
                label="Код ФККО"
                value={q.wasteCode ?? ''}
                onChange={(e) => set('wasteCode', e.currentTarget.value || null)}
                data={[{ value: '', label: 'Все коды' }, ...(d?.byCode ?? []).map((c) => ({ value: c.code, label: fkko(c.code) })), ...(q.wasteCode && !d?.byCode.some((c) => c.code === q.wasteCode) ? [{ value: q.wasteCode, label: fkko(q.wasteCode) }] : [])]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <NativeSelect
                label="Объект приёма"
                value={q.facilityId ?? ''}
                onChange={(e) => set('facilityId', e.currentTarget.value || null)}
                data={[{ value: '', label: 'Все объекты' }, ...(d?.byFacility ?? []).map((f) => ({ value: f.id, label: shortOrg(f.name) })), ...(q.facilityId && !d?.byFacility.some((f) => f.id === q.facilityId) ? [{ value: q.facilityId, label: 'выбранный объект' }] : [])]}
              />
            </Grid.Col>
          </Grid>
          {params.toString() && (
            <Group mt="xs">
              <Anchor component="button" size="sm" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                Сбросить отбор
              </Anchor>
            </Group>
          )}
        </Card>
        {data.isPending && <Loading label="Считаем…" />}
        {data.isError && <ErrorAlert error={data.error} />}
        {d && <Body d={d} />}
      </Stack>
    </>
  );
}

/** One figure in a card: its label, the value, an optional hint under it (the overview uses it too). */
export function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const PERMIT_STATE = { ok: { label: 'в пределах', color: 'teal' }, near: { label: 'близко к пределу', color: 'orange' }, over: { label: 'превышен', color: 'red' } } as const;

function Body({ d }: { d: Dashboard }) {
  const t = d.totals;
  if (t.trips === 0 && d.permits.length === 0) return <Empty>За выбранный период рейсов нет</Empty>;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        <Figure label="Рейсов" value={fmtInt(t.trips)} />
        <Figure label="Объём" value={m3(t.volume)} hint={`${fmtDecimal(t.mass, 3)} т`} />
        <Figure label="Принято" value={m3(t.accepted.volume)} hint={`${fmtInt(t.accepted.trips)} рейсов`} />
        <Figure label="Ожидают приёмки" value={fmtInt(t.awaiting.trips)} hint={m3(t.awaiting.volume)} />
        <Figure label="Отклонено" value={fmtInt(t.rejected.trips)} hint={m3(t.rejected.volume)} />
      </SimpleGrid>
      <Section title="Объём по месяцам">
        <MonthBars
          title={`Объём по месяцам с ${d.from} по ${d.to}, м³`}
          legend={['принято, м³', 'ожидают или отклонены, м³']}
          bars={d.byMonth.map((m) => ({ label: monthShort(m.month), a: Number(m.acceptedVolume), b: Math.max(0, Number(m.volume) - Number(m.acceptedVolume)) }))}
        />
        <RowsList
          label="Объём по месяцам, таблица"
          rows={d.byMonth}
          rowKey={(m) => m.month}
          minWidth={560}
          cols={[
            { label: 'Месяц', cell: (m) => monthShort(m.month) },
            { label: 'Рейсов', num: true, cell: (m) => fmtInt(m.trips) },
            { label: 'Объём', num: true, cell: (m) => m3(m.volume) },
            { label: 'Принято', num: true, cell: (m) => m3(m.acceptedVolume) },
            { label: 'Ожидают / отклонено', num: true, cell: (m) => `${fmtInt(m.awaitingTrips)} / ${fmtInt(m.rejectedTrips)}` },
          ]}
        />
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="По кодам ФККО">
          <RowBars title="Объём по кодам ФККО, м³" unit="м³" rows={d.byCode.slice(0, 10).map((c) => ({ label: `${fkko(c.code)} ${c.name}`, value: Number(c.volume) }))} />
          <RowsList
            label="По кодам ФККО, таблица"
            rows={d.byCode}
            rowKey={(c) => c.code}
            minWidth={420}
            cols={[
              { label: 'Код ФККО', cell: (c) => <Text size="sm" title={c.name}>{fkko(c.code)}</Text> },
              { label: 'Рейсов', num: true, cell: (c) => fmtInt(c.trips) },
              { label: 'Объём', num: true, cell: (c) => m3(c.volume) },
            ]}
          />
        </Section>
        <Section title="По объектам приёма">
          <RowBars title="Объём по объектам приёма, м³" unit="м³" rows={d.byFacility.slice(0, 10).map((f) => ({ label: shortOrg(f.name), value: Number(f.volume) }))} />
          <RowsList
            label="По объектам приёма, таблица"
            rows={d.byFacility}
            rowKey={(f) => f.id}
            minWidth={420}
            cols={[
              { label: 'Объект приёма', cell: (f) => <Text size="sm">{shortOrg(f.name)}</Text> },
              { label: 'Рейсов', num: true, cell: (f) => fmtInt(f.trips) },
              { label: 'Принято', num: true, cell: (f) => m3(f.acceptedVolume) },
            ]}
          />
        </Section>
        <Section title="По перевозчикам">
          <RowsList
            label="По перевозчикам, таблица"
            rows={d.byCarrier}
            rowKey={(c) => c.id}
            minWidth={420}
            cols={[
              { label: 'Перевозчик', cell: (c) => <Text size="sm">{shortOrg(c.name)}</Text> },
              { label: 'Рейсов', num: true, cell: (c) => fmtInt(c.trips) },
              { label: 'Объём', num: true, cell: (c) => m3(c.volume) },
            ]}
          />
        </Section>
        {d.byDistrict && (
          <Section title="По округам">
            <RowBars title="Объём по округам, м³" unit="м³" rows={d.byDistrict.map((x) => ({ label: x.district, value: Number(x.volume) }))} />
          </Section>
        )}
      </SimpleGrid>
      {d.byOrganization && (
        <Section title="По организациям">
          <RowsList
            label="По организациям, таблица"
            rows={d.byOrganization}
            rowKey={(o) => o.id}
            minWidth={560}
            cols={[
              { label: 'Отходопроизводитель', cell: (o) => <Text size="sm">{shortOrg(o.name)}</Text> },
              { label: 'ИНН', cell: (o) => o.inn },
              { label: 'Рейсов', num: true, cell: (o) => fmtInt(o.trips) },
              { label: 'Объём', num: true, cell: (o) => m3(o.volume) },
            ]}
          />
        </Section>
      )}
      <Section title="Использование разрешений">
        {d.permits.length === 0 ? (
          <Empty>Действующих разрешений нет</Empty>
        ) : (
          <RowsList
            label="Использование разрешений, таблица"
            rows={d.permits}
            rowKey={(p) => `${p.id}:${p.code}`}
            minWidth={640}
            cols={[
              { label: 'Разрешение', cell: (p) => <Text size="sm">№ {p.number}</Text> },
              { label: 'Код ФККО', cell: (p) => fkko(p.code) },
              { label: 'Принято / разрешено', num: true, cell: (p) => `${fmtDecimal(p.accepted, 2)} / ${m3(p.permitted)}` },
              {
                label: 'Использовано',
                cell: (p) => (
                  <Stack gap={2} miw={120}>
                    <Progress value={Math.min(100, Number(p.share))} color={PERMIT_STATE[p.state].color} aria-label={`Использовано ${fmtDecimal(p.share)} %`} />
                    <Group gap={4} justify="space-between">
                      <Text size="xs">{fmtDecimal(p.share)} %</Text>
                      {p.state !== 'ok' && (
                        <Badge size="xs" color={PERMIT_STATE[p.state].color}>
                          {PERMIT_STATE[p.state].label}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                ),
              },
            ]}
          />
        )}
      </Section>
    </Stack>
  );
}
