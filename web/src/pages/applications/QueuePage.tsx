/** The operator's queue: filters, the working-day clock, overdue marks, paging by «Показать ещё». */
import { Link, useSearchParams } from 'react-router-dom';
import { Badge, Button, Card, Grid, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ShowMore } from '../../components/MoreList';
import { fmtDate, fmtDateTime } from '../../lib/format';
import type { ApplicationStatus, QueueItem } from '../../api/types';
import { useQueue, useReference, useSpecialists, type QueueFilters } from './queries';
import { KIND_LABEL, StatusBadge, STATUS } from './status';

const AGES = [
  { value: 'overdue', label: 'Срок истёк' },
  { value: 'due_today', label: 'Истекает сегодня' },
  { value: 'due_soon', label: 'В ближайшие 2 раб. дня' },
  { value: 'in_time', label: 'Позже' },
];

export function QueuePage() {
  const [search, setSearch] = useSearchParams();
  const f: QueueFilters = {
    status: (search.get('status') as ApplicationStatus) || undefined,
    age: (search.get('age') as QueueFilters['age']) || undefined,
    district: search.get('district') || undefined,
    assignee: search.get('assignee') || undefined,
    applicantInn: /^(\d{10}|\d{12})$/.test(search.get('inn') ?? '') ? search.get('inn')! : undefined,
  };
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(search);
    if (v) next.set(k, v);
    else next.delete(k);
    setSearch(next, { replace: true });
  };
  const ref = useReference();
  const specialists = useSpecialists(true);
  const q = useQueue(f);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageTitle subtitle={`Срок рассмотрения — ${ref.data?.reviewWorkingDays ?? '…'} рабочих дней по производственному календарю; старые заявления сначала`}>Очередь заявлений</PageTitle>
      <Card mb="md" component="section" aria-label="Фильтры">
        <Grid gutter="sm">
          <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
            <Select
              label="Статус"
              placeholder="Все"
              clearable
              data={(['submitted', 'needs_info', 'approved', 'rejected', 'withdrawn'] as ApplicationStatus[]).map((s) => ({ value: s, label: STATUS[s].label }))}
              value={f.status ?? null}
              onChange={(v) => set('status', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
            <Select label="Срок" placeholder="Любой" clearable data={AGES} value={f.age ?? null} onChange={(v) => set('age', v)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
            <Select
              label="Округ"
              placeholder="Все"
              clearable
              data={(ref.data?.districts ?? []).map((d) => ({ value: d.code, label: d.code }))}
              value={f.district ?? null}
              onChange={(v) => set('district', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            <Select
              label="Специалист"
              placeholder="Все"
              clearable
              data={[{ value: 'me', label: 'Мои' }, { value: 'none', label: 'Не назначен' }, ...(specialists.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
              value={f.assignee ?? null}
              onChange={(v) => set('assignee', v)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 12, lg: 3 }}>
            <TextInput label="ИНН заявителя" defaultValue={search.get('inn') ?? ''} onBlur={(e) => set('inn', e.currentTarget.value.replace(/\D/g, '') || null)} inputMode="numeric" />
          </Grid.Col>
        </Grid>
      </Card>
      {q.isPending && <Loading label="Загрузка очереди…" />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && items.length === 0 && (
        <Card>
          <Empty>Заявлений по фильтру нет</Empty>
        </Card>
      )}
      {items.length > 0 && (
        <Stack gap="sm" hiddenFrom="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Заявления">
          {items.map((a) => (
            <QueueCard key={a.id} a={a} />
          ))}
        </Stack>
      )}
      {items.length > 0 && (
        <Card p={0} visibleFrom="sm">
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover verticalSpacing="sm" aria-label="Заявления">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={210}>Заявление</Table.Th>
                  <Table.Th>Заявитель</Table.Th>
                  <Table.Th>Округ</Table.Th>
                  <Table.Th>Подано</Table.Th>
                  <Table.Th>Срок</Table.Th>
                  <Table.Th>Специалист</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Row key={a.id} a={a} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <ShowMore q={q} variant="default" />
    </>
  );
}

function Due({ a }: { a: QueueItem }) {
  const r = a.review;
  if (a.status === 'submitted' && r) {
    return (
      <>
        <Text size="sm" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 600 : 400}>
          до {fmtDate(r.dueOn)}
        </Text>
        <Text size="xs" c={r.overdue ? 'red' : 'dimmed'}>
          {r.overdue ? 'просрочено' : r.workingDaysLeft === 0 ? 'истекает сегодня' : `осталось ${r.workingDaysLeft} раб. дн.`}
        </Text>
      </>
    );
  }
  if (a.status === 'needs_info' && a.infoDueOn) return <Text size="xs">дополнение до {fmtDate(a.infoDueOn)}</Text>;
  return <>—</>;
}

/** One application as a card (narrow screens). */
function QueueCard({ a }: { a: QueueItem }) {
  return (
    <li>
      <Paper withBorder p="sm" bg={a.review?.overdue ? 'red.0' : undefined} data-overdue={a.review?.overdue ? 'true' : 'false'}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              № {a.number}
            </Text>
            <Group gap={4}>
              <StatusBadge status={a.status} size="sm" />
              {a.unread > 0 && (
                <Badge size="sm" color="red">
                  {a.unread} нов.
                </Badge>
              )}
            </Group>
            <Text size="sm">{a.applicant.name}</Text>
            <Text size="xs" c="dimmed">
              ИНН {a.applicant.inn} · {a.district ?? 'округ не указан'} · подано {fmtDateTime(a.submittedAt)}
            </Text>
            <Due a={a} />
            <Text size="xs" c="dimmed">
              {a.assignee ? `Специалист: ${a.assignee.name}` : 'Специалист не назначен'}
            </Text>
          </Stack>
          <Button component={Link} to={`/applications/${a.id}`} size="xs" variant="light" aria-label={`Открыть заявление № ${a.number}`}>
            Открыть
          </Button>
        </Group>
      </Paper>
    </li>
  );
}

function Row({ a }: { a: QueueItem }) {
  const r = a.review;
  return (
    <Table.Tr bg={r?.overdue ? 'red.0' : undefined} data-overdue={r?.overdue ? 'true' : 'false'}>
      <Table.Td>
        <Text size="sm" fw={600} className="ossig-nowrap">
          № {a.number}
        </Text>
        <Group gap={4} mt={2}>
          <StatusBadge status={a.status} size="sm" />
          {a.round > 1 && (
            <Badge size="sm" variant="outline" color="gray">
              повторно
            </Badge>
          )}
          {a.unread > 0 && (
            <Badge size="sm" color="red">
              {a.unread} нов.
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {KIND_LABEL[a.kind]}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{a.applicant.name}</Text>
        <Text size="xs" c="dimmed">
          ИНН {a.applicant.inn}
          {a.siteName ? ` · ${a.siteName}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>{a.district ?? '—'}</Table.Td>
      <Table.Td className="ossig-nowrap">
        <Text size="sm">{fmtDateTime(a.submittedAt)}</Text>
      </Table.Td>
      <Table.Td className="ossig-nowrap">
        <Due a={a} />
      </Table.Td>
      <Table.Td>{a.assignee?.name ?? <Text size="xs" c="dimmed">не назначен</Text>}</Table.Td>
      <Table.Td>
        <Button component={Link} to={`/applications/${a.id}`} size="xs" variant="light" aria-label={`Открыть заявление № ${a.number}`}>
          Открыть
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
