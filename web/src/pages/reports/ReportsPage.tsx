/** «Отчётность»: the reports due (with «Заполнить») and the organization's reports. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { ListTable } from '../../components/ListTable';
import { notifications } from '@mantine/notifications';
import { api, call, errorMessage } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDate } from '../../lib/format';
import { useReports, type ReportList } from './queries';

type Due = ReportList['due'][number];

export const STATUS_COLOR: Record<string, string> = { draft: 'gray', submitted: 'teal', correction: 'orange' };

export function ReportsPage() {
  const list = useReports();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const open = async (d: Due) => {
    if (d.reportId) return navigate(`/reports/${d.reportId}`);
    const key = `${d.kind}:${d.period}:${d.subjectId ?? ''}`;
    setBusy(key);
    try {
      const r = await call(api.POST('/api/reports', { body: { kind: d.kind, period: d.kind === 'permit_closing' ? undefined : d.period, subjectId: d.subjectId ?? undefined } }));
      navigate(`/reports/${r.id}`);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <PageTitle subtitle="Отчёты заполняются по данным системы: проверьте, дополните и отправьте">Отчётность</PageTitle>
      {list.isPending && <Loading label="Загрузка отчётов…" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <Stack gap="md">
          <Card component="section" aria-label="Пора подать">
            <Title order={2} size="h4" mb="sm">
              Пора подать
            </Title>
            {list.data.due.length === 0 ? (
              <Empty>Все отчёты за прошедшие периоды поданы</Empty>
            ) : (
              <Stack gap="xs">
                {list.data.due.map((d) => {
                  const key = `${d.kind}:${d.period}:${d.subjectId ?? ''}`;
                  return (
                    <Group key={key} justify="space-between" wrap="wrap" gap="xs" aria-label={`${d.kindTitle} — ${d.periodText}`}>
                      <Stack gap={0}>
                        <Text fw={600}>
                          {d.kindTitle} — {d.periodText}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {d.subjectName ? `${d.subjectName} · ` : ''}срок — {fmtDate(d.deadline)}
                        </Text>
                      </Stack>
                      <Group gap="xs">
                        {d.overdue && <Badge color="red">срок прошёл</Badge>}
                        <Button size="xs" onClick={() => void open(d)} loading={busy === key}>
                          {d.reportId ? 'Продолжить' : 'Заполнить'}
                        </Button>
                      </Group>
                    </Group>
                  );
                })}
              </Stack>
            )}
          </Card>
          <Card component="section" aria-label="Отчёты">
            <Title order={2} size="h4" mb="sm">
              Отчёты
            </Title>
            {list.data.items.length === 0 ? (
              <Empty>Отчётов пока нет</Empty>
            ) : (
              <ListTable minWidth={640} striped columns={['Отчёт', 'Период', 'Статус', 'Рег. номер', 'Срок']}>
                {list.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/reports/${r.id}`}>
                        {r.kindTitle}
                      </Anchor>
                      {r.subjectName && (
                        <Text size="xs" c="dimmed">
                          {r.subjectName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{r.periodText}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[r.status]} variant="light">
                        {r.statusLabel}
                      </Badge>
                      {r.filedVersion > 1 && <Text size="xs">версия {r.filedVersion}</Text>}
                    </Table.Td>
                    <Table.Td>{r.number ?? '—'}</Table.Td>
                    <Table.Td>
                      {fmtDate(r.deadline)}
                      {r.overdue && (
                        <Badge color="red" ml={4} size="xs">
                          просрочен
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            )}
          </Card>
        </Stack>
      )}
    </>
  );
}
