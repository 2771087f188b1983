/** The task «Уведомление о сформированных сведениях…»: download the files, then «Подтвердить». */
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import type { Task } from '../../api/types';
import { useStatement } from './queries';
import { StatementFiles } from './StatementFiles';
import { ErrorAlert, Loading } from '../../components/PageState';
import { fmtDate, fmtDateTime } from '../../lib/format';

export function StatementReadyTask({ task }: { task: Task }) {
  const qc = useQueryClient();
  const statementId = typeof task.payload.statementId === 'string' ? task.payload.statementId : undefined;
  const st = useStatement(statementId);
  const confirm = useMutation({
    mutationFn: () => call(api.POST('/api/tasks/{id}/confirm', { params: { path: { id: task.id } } })),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Задача закрыта' });
      await qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const done = task.status === 'done';

  if (!statementId) return <ErrorAlert error={new Error('В задаче не указаны сведения')} />;
  return (
    <Card>
      {st.isPending && <Loading label="Загрузка сведений…" />}
      {st.isError && <ErrorAlert error={st.error} />}
      {st.data && (
        <Stack gap="md">
          <Text>
            Сведения о результатах перемещения ОСС{st.data.number ? ` № ${st.data.number}` : ''} сформированы
            {st.data.readyAt ? ` ${fmtDateTime(st.data.readyAt)}` : ''}.
          </Text>
          {(st.data.siteName || st.data.from) && (
            <Text size="sm" c="dimmed">
              {st.data.siteName}
              {st.data.from && st.data.to ? ` · период ${fmtDate(st.data.from)} — ${fmtDate(st.data.to)}` : ''}
            </Text>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Скачайте сформированные файлы:
            </Text>
            <StatementFiles id={statementId} number={st.data.number} files={st.data.files} />
          </Stack>
          <Text size="xs" c="dimmed">
            Файлы остаются в карточке объекта, в разделе «Сведения о результатах перемещения ОСС», и доступны для повторного скачивания.
          </Text>
          {confirm.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(confirm.error)}
            </Alert>
          )}
          <Group justify="space-between">
            {st.data.siteId ? (
              <Button component={Link} to={`/sites/${st.data.siteId}?tab=statements`} variant="subtle">
                В карточку объекта
              </Button>
            ) : (
              <span />
            )}
            {done || confirm.isSuccess ? (
              <Text c="teal" fw={500}>
                Задача выполнена
              </Text>
            ) : (
              <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
                Подтвердить
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
