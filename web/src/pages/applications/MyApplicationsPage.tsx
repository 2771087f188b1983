/** «Мои заявки»: the organization's applications with status badges and «Подробнее». */
import { Link, useSearchParams } from 'react-router-dom';
import { Badge, Button, Card, Group, Paper, SegmentedControl, Stack, Text, ScrollArea } from '@mantine/core';
import type { ApplicationStatus, MyApplication } from '../../api/types';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ShowMore } from '../../components/MoreList';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { useMyApplications } from './queries';
import { KIND_LABEL, StatusBadge } from './status';
import { NewApplicationButton } from './NewApplicationButton';

const FILTERS: { value: string; label: string }[] = [
  { value: 'all', label: 'Все' },
  { value: 'draft', label: 'Черновики' },
  { value: 'submitted', label: 'На рассмотрении' },
  { value: 'needs_info', label: 'Требуется дополнение' },
  { value: 'approved', label: 'Одобрено' },
  { value: 'rejected', label: 'Отклонено' },
];

export function MyApplicationsPage() {
  const [search, setSearch] = useSearchParams();
  const status = (FILTERS.some((f) => f.value === search.get('status')) ? search.get('status') : 'all')!;
  const list = useMyApplications(status === 'all' ? null : (status as ApplicationStatus));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageTitle subtitle="Заявления на выдачу разрешения на перемещение ОСС и на внесение изменений в разрешения" right={<NewApplicationButton />}>
        Мои заявки
      </PageTitle>
      <ScrollArea type="auto" mb="md" offsetScrollbars>
        <SegmentedControl
          value={status}
          onChange={(v) => setSearch(v === 'all' ? {} : { status: v }, { replace: true })}
          data={FILTERS}
          aria-label="Статус заявлений"
        />
      </ScrollArea>
      {list.isPending && <Loading label="Загрузка заявлений…" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && items.length === 0 && (
        <Card>
          <Empty>Заявлений нет. Подать заявление можно в разделе «Госуслуги и функции» → «Выдача разрешения на перемещение ОСС».</Empty>
        </Card>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Заявления">
        {items.map((a) => (
          <ApplicationRow key={a.id} a={a} />
        ))}
      </Stack>
      <ShowMore q={list} variant="default" />
    </>
  );
}

function ApplicationRow({ a }: { a: MyApplication }) {
  return (
    <li>
      <Paper withBorder p="md" aria-label={`Заявление № ${a.number}`}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>№ {a.number}</Text>
              <StatusBadge status={a.status} />
              {a.unread > 0 && (
                <Badge color="red" variant="filled" size="sm" aria-label={`Непрочитанных сообщений: ${a.unread}`}>
                  {a.unread} нов.
                </Badge>
              )}
            </Group>
            <Text size="sm">
              {KIND_LABEL[a.kind]}
              {a.permitNumber ? ` · разрешение № ${a.permitNumber}` : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {a.siteName ?? 'Объект не выбран'}
            </Text>
            <Text size="xs" c="dimmed">
              {a.submittedAt ? `Подано ${fmtDateTime(a.submittedAt)}` : `Создано ${fmtDateTime(a.createdAt)}`} · изменено {fmtDateTime(a.updatedAt)}
            </Text>
            {a.status === 'submitted' && a.review && (
              <Text size="xs" c={a.review.overdue ? 'red' : 'dimmed'}>
                Срок рассмотрения — до {fmtDate(a.review.dueOn)}
                {a.review.overdue ? ' (срок истёк)' : ''}
              </Text>
            )}
            {a.status === 'needs_info' && a.infoDueOn && (
              <Text size="xs" c="orange.8">
                Дополнить до {fmtDate(a.infoDueOn)}
              </Text>
            )}
            {a.status === 'rejected' && a.reasonText && (
              <Text size="xs" c="red.8">
                Причина: {a.reasonText}
              </Text>
            )}
          </Stack>
          <Button component={Link} to={`/applications/${a.id}`} variant={a.needsAction ? 'filled' : 'light'} aria-label={`Подробнее: заявление № ${a.number}`}>
            Подробнее
          </Button>
        </Group>
      </Paper>
    </li>
  );
}
