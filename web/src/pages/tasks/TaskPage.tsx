/** A task: its page depends on its kind. */
import { Link, useParams } from 'react-router-dom';
import { Anchor, Badge, Breadcrumbs, Card, Group, Text } from '@mantine/core';
import { useTask } from './queries';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDateTime } from '../../lib/format';
import { APPLICATION_TASKS, TASK_KINDS, type Task } from '../../api/types';
import { ApplicationTask } from '../applications/ApplicationTask';
import { StatementFormTask } from '../statements/StatementFormTask';
import { StatementReadyTask } from '../statements/StatementReadyTask';
import { MeetingTask } from '../meetings/MeetingTask';
import { ReportDueTask } from '../reports/ReportDueTask';

const BY_KIND: Record<string, (props: { task: Task }) => React.ReactNode> = {
  [TASK_KINDS.statementForm]: StatementFormTask,
  [TASK_KINDS.statementReady]: StatementReadyTask,
  [APPLICATION_TASKS.draft]: ApplicationTask,
  [APPLICATION_TASKS.needsInfo]: ApplicationTask,
  [APPLICATION_TASKS.decision]: ApplicationTask,
  [APPLICATION_TASKS.review]: ApplicationTask,
  meeting: MeetingTask,
  'report.due': ReportDueTask,
};

export function TaskPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  if (task.isPending) return <Loading label="Загрузка задачи…" />;
  if (task.isError) return <ErrorAlert error={task.error} title="Не удалось открыть задачу" />;
  const t = task.data;
  const Body = BY_KIND[t.kind];
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to="/services?tab=tasks" size="sm">
          Мои задачи
        </Anchor>
        <Text size="sm" c="dimmed" truncate="end" maw={480}>
          {t.title}
        </Text>
      </Breadcrumbs>
      <PageTitle
        subtitle={`Создана ${fmtDateTime(t.createdAt)}${t.closedAt ? ` · закрыта ${fmtDateTime(t.closedAt)}` : ''}`}
        right={
          t.status === 'done' ? (
            <Badge color="gray" variant="light" size="lg">
              Выполнена
            </Badge>
          ) : (
            <Badge color="blue" variant="light" size="lg">
              Открыта
            </Badge>
          )
        }
      >
        {t.title}
      </PageTitle>
      {Body ? (
        <Body task={t} />
      ) : (
        <Card>
          <Group>
            <Text size="sm">{typeof t.payload.message === 'string' ? t.payload.message : 'Подробностей у задачи нет.'}</Text>
          </Group>
        </Card>
      )}
    </>
  );
}
