/** The task «Подать отчёт …» (a deadline reminder): the deadline and the way to the report. Filing it closes the task. */
import { Link } from 'react-router-dom';
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { Task } from '../../api/types';
import { fmtDate, moscowToday } from '../../lib/format';

export function ReportDueTask({ task }: { task: Task }) {
  const deadline = typeof task.payload.deadline === 'string' ? task.payload.deadline : null;
  const reportId = typeof task.payload.reportId === 'string' ? task.payload.reportId : null;
  const overdue = deadline !== null && moscowToday() > deadline && task.status === 'open';
  return (
    <Card>
      <Stack gap="sm">
        <Group gap="xs">
          <Text>Срок подачи — {fmtDate(deadline)}</Text>
          {overdue && <Badge color="red">срок прошёл</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          Отчёт заполняется по данным системы: проверьте, дополните и отправьте. Задача закроется, когда отчёт будет подан.
        </Text>
        {task.status === 'open' && (
          <Group>
            <Button component={Link} to={reportId ? `/reports/${reportId}` : '/reports'}>
              {reportId ? 'Открыть отчёт' : 'Перейти к отчётности'}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
