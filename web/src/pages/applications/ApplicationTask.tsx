/** Tasks about applications: they open the application. */
import { Link } from 'react-router-dom';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Task } from '../../api/types';
import { APPLICATION_TASKS } from '../../api/types';

export function ApplicationTask({ task }: { task: Task }) {
  const qc = useQueryClient();
  const id = typeof task.payload.applicationId === 'string' ? task.payload.applicationId : null;
  const permitId = typeof task.payload.permitId === 'string' ? task.payload.permitId : null;
  const confirm = useMutation({
    mutationFn: () => call(api.POST('/api/tasks/{id}/confirm', { params: { path: { id: task.id } } })),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Задача закрыта' });
      await qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const text: Record<string, string> = {
    [APPLICATION_TASKS.draft]: 'Заполните заявление и подайте его. Каждое изменение сохраняется сразу.',
    [APPLICATION_TASKS.needsInfo]: 'Информационный оператор просит дополнить заявление. Откройте его, чтобы увидеть, что требуется и к какому сроку.',
    [APPLICATION_TASKS.decision]: 'По заявлению принято решение. Откройте заявление, чтобы ознакомиться с ним, и подтвердите задачу.',
    [APPLICATION_TASKS.review]: 'Рассмотрите заявление: проверьте сведения и документы, затем одобрите, запросите дополнение или отклоните его.',
  };
  return (
    <Card>
      <Stack gap="sm">
        <Text size="sm">{text[task.kind] ?? ''}</Text>
        <Group justify="space-between">
          <Group gap="xs">
            {id && (
              <Button component={Link} to={`/applications/${id}`}>
                Открыть заявление
              </Button>
            )}
            {permitId && (
              <Button component={Link} to={`/permits/${permitId}`} variant="light">
                Открыть разрешение
              </Button>
            )}
          </Group>
          {task.kind === APPLICATION_TASKS.decision && task.status === 'open' && !confirm.isSuccess && (
            <Button variant="default" onClick={() => confirm.mutate()} loading={confirm.isPending}>
              Подтвердить
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
