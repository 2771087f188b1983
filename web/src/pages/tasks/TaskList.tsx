/** «Мои задачи»: the person's open tasks, each opening its page. */
import { Link } from 'react-router-dom';
import { Badge, Group, Stack, Text, UnstyledButton, Paper } from '@mantine/core';
import { useTasks } from './queries';
import { Empty, ErrorAlert, Loading } from '../../components/PageState';
import { fmtDateTime } from '../../lib/format';
import { APPLICATION_TASKS, TASK_KINDS } from '../../api/types';

const KIND_LABEL: Record<string, { label: string; color: string }> = {
  [TASK_KINDS.statementForm]: { label: 'Заполнить форму', color: 'blue' },
  [TASK_KINDS.statementReady]: { label: 'Уведомление', color: 'teal' },
  [APPLICATION_TASKS.draft]: { label: 'Заполнить заявление', color: 'blue' },
  [APPLICATION_TASKS.needsInfo]: { label: 'Требуется дополнение', color: 'orange' },
  [APPLICATION_TASKS.decision]: { label: 'Решение', color: 'teal' },
  [APPLICATION_TASKS.review]: { label: 'Рассмотреть', color: 'blue' },
  'report.due': { label: 'Подать отчёт', color: 'orange' },
};

export function TaskList({ status = 'open' }: { status?: 'open' | 'done' | 'all' }) {
  // Poll gently: a background job may add a task (e.g. a statement is ready).
  const tasks = useTasks(status, 15_000);
  if (tasks.isPending) return <Loading label="Загрузка задач…" />;
  if (tasks.isError) return <ErrorAlert error={tasks.error} />;
  if (!tasks.data.items.length) return <Empty>{status === 'open' ? 'Открытых задач нет' : 'Задач нет'}</Empty>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Мои задачи">
      {tasks.data.items.map((t) => {
        const kind = KIND_LABEL[t.kind];
        return (
          <li key={t.id}>
            <UnstyledButton component={Link} to={`/tasks/${t.id}`} w="100%">
              <Paper withBorder p="sm" className="ossig-hover">
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {t.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {fmtDateTime(t.createdAt)}
                      {t.status === 'done' && t.closedAt ? ` · закрыта ${fmtDateTime(t.closedAt)}` : ''}
                    </Text>
                  </Stack>
                  {t.status === 'done' ? (
                    <Badge color="gray" variant="light">
                      Выполнена
                    </Badge>
                  ) : (
                    kind && (
                      <Badge color={kind.color} variant="light">
                        {kind.label}
                      </Badge>
                    )
                  )}
                </Group>
              </Paper>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
