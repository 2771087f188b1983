/**
 * «Обзор города» (issue 13): the operator's figures across the city, none of them read from all trips —
 * registers as the database's estimate («≈ N», counted exactly while at most 10,000 rows), the last 24 hours and 14 days of trips from the
 * aggregates, queues counted up to 1000 («более 1000»), the background jobs' health.
 */
import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtTotal, type ListTotal } from '../../components/Keyset';
import { fmtDate, fmtDateTime, fmtDecimal, fmtInt } from '../../lib/format';
import { MonthBars } from '../analytics/Charts';
import { Figure } from '../analytics/AnalyticsPage';

const total = (t: ListTotal) => fmtTotal(t);

export function OverviewPage() {
  const q = useQuery({ queryKey: ['operator', 'overview'], queryFn: () => call(api.GET('/api/operator/overview')), refetchInterval: 60_000 });
  const o = q.data;
  return (
    <>
      <PageTitle subtitle="Реестры, перемещение за последние дни, очереди и фоновые задачи по всему городу">Обзор города</PageTitle>
      {q.isPending && <Loading label="Загрузка обзора…" />}
      {q.isError && <ErrorAlert error={q.error} />}
      {o && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            На {fmtDateTime(o.generatedAt)}. «≈» — оценка СУБД без пересчёта всей истории; «более N» — счёт остановлен на N.
          </Text>
          <section aria-labelledby="overview-registers">
            <Title order={2} size="h4" id="overview-registers" mb="xs">
              Реестры
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <Figure label="Рейсы за всё время" value={total(o.registers.trips)} />
              <Figure label="Рейсы за 24 часа" value={total(o.trips24h)} />
              <Figure label="Объекты образования ОСС" value={total(o.registers.sites)} />
              <Figure label="Разрешения" value={total(o.registers.permits)} />
              <Figure label="Транспортные средства" value={total(o.registers.vehicles)} />
              <Figure label="Отходопроизводители" value={fmtInt(o.organizations.producers)} />
              <Figure label="Перевозчики" value={fmtInt(o.organizations.carriers)} />
              <Figure label="Объекты приёма (организации)" value={fmtInt(o.organizations.facilities)} hint={o.organizations.suspended ? `приостановлено организаций: ${fmtInt(o.organizations.suspended)}` : undefined} />
            </SimpleGrid>
          </section>
          <Card withBorder component="section" aria-labelledby="overview-days">
            <Title order={2} size="h4" id="overview-days" mb="xs">
              Перемещение за 14 дней, м³
            </Title>
            <MonthBars
              title="Объём по дням: принято и прочее"
              legend={['принято', 'ожидает решения или отклонено']}
              bars={o.days.map((d) => ({ label: fmtDate(d.day).slice(0, 5), a: Number(d.acceptedVolume), b: Math.max(0, Number(d.volume) - Number(d.acceptedVolume)) }))}
            />
            <Table.ScrollContainer minWidth={360} mt="sm">
              <Table aria-label="Перемещение по дням">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>День</Table.Th>
                    <Table.Th className="ossig-num">Рейсов</Table.Th>
                    <Table.Th className="ossig-num">Объём, м³</Table.Th>
                    <Table.Th className="ossig-num">Принято, м³</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.days.map((d) => (
                    <Table.Tr key={d.day}>
                      <Table.Td>{fmtDate(d.day)}</Table.Td>
                      <Table.Td className="ossig-num">{fmtInt(d.trips)}</Table.Td>
                      <Table.Td className="ossig-num">{fmtDecimal(d.volume, 2)}</Table.Td>
                      <Table.Td className="ossig-num">{fmtDecimal(d.acceptedVolume, 2)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <section aria-labelledby="overview-waiting">
            <Title order={2} size="h4" id="overview-waiting" mb="xs">
              Ждут действий
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
              <Figure label="Заявления на рассмотрении" value={total(o.waiting.applications)} />
              <Figure label="Случаи телематики на проверке" value={total(o.waiting.telemetryReviews)} />
              <Figure label="Неизвестные терминалы" value={total(o.waiting.unknownTerminals)} />
              <Figure label="Сведения в формировании" value={total(o.waiting.statementsInProgress)} />
              <Figure label="Письма в очереди" value={total(o.waiting.mailQueued)} />
            </SimpleGrid>
          </section>
          <section aria-labelledby="overview-jobs">
            <Title order={2} size="h4" id="overview-jobs" mb="xs">
              Фоновые задачи
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
              <Figure label="Обработчиков на связи" value={fmtInt(o.jobs.workers)} />
              <Figure label="Ждут запуска" value={fmtInt(o.jobs.ready)} hint={o.jobs.oldestReadySeconds !== null ? `самая давняя ждёт ${fmtInt(o.jobs.oldestReadySeconds)} с` : undefined} />
              <Figure label="Выполняются" value={fmtInt(o.jobs.running)} />
              <Figure label="Отложены после сбоев" value={fmtInt(o.jobs.parked)} />
              <Figure label="Не выполнены за 24 часа" value={total(o.jobs.failedDay)} />
            </SimpleGrid>
          </section>
        </Stack>
      )}
    </>
  );
}
