/** «Госуслуги и функции»: «Возможности» (functions to start) and «Задачи». */
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Group, Modal, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import type { Task } from '../../api/types';
import { useAuth } from '../../auth';
import { Empty, PageTitle } from '../../components/PageState';
import { TaskList } from '../tasks/TaskList';

/** A function («возможность») the organization can start; each creates a task. */
interface Capability {
  key: string;
  title: string;
  description: string;
  confirmText: string;
  orgRoles: readonly string[];
  /** Creates the task (or answers the open one). */
  start(): Promise<Task>;
}

export const CAPABILITIES: Capability[] = [
  {
    key: 'statement',
    title: 'Формирование сведений о результатах перемещения ОСС',
    description:
      'Сведения по объекту образования ОСС за период, заверенные электронной подписью информационного оператора АИС «ОССиГ»: PDF и XLSX с открепленными подписями.',
    confirmText:
      'В разделе «Мои задачи» появится задача «Формирование сведений о результатах перемещения ОСС». Откройте её, чтобы выбрать объект, период и разрешения.',
    orgRoles: ['producer'],
    start: () => call(api.POST('/api/services/statement/start')),
  },
];

export function ServicesPage() {
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'tasks' ? 'tasks' : 'capabilities';
  const { hasRole } = useAuth();
  const available = CAPABILITIES.filter((c) => c.orgRoles.some((r) => hasRole(r)));
  const [chosen, setChosen] = useState<Capability | null>(null);

  return (
    <>
      <PageTitle>Госуслуги и функции</PageTitle>
      <Tabs value={tab} onChange={(v) => setSearch(v === 'tasks' ? { tab: 'tasks' } : {}, { replace: true })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="capabilities">Возможности</Tabs.Tab>
          <Tabs.Tab value="tasks">Задачи</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="capabilities">
          {available.length === 0 && (
            <Card>
              <Empty>Для организации, от имени которой вы действуете, функций пока нет</Empty>
            </Card>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {available.map((c) => (
              <Card key={c.key} component="article" aria-label={c.title}>
                <Stack gap="sm" h="100%" justify="space-between">
                  <Stack gap={6}>
                    <Title order={2} size="h5">
                      {c.title}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {c.description}
                    </Text>
                  </Stack>
                  <Group>
                    <Button onClick={() => setChosen(c)} aria-label={`Выбрать: ${c.title}`}>
                      Выбрать
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="tasks">
          <Card>
            <Title order={2} size="h4" mb="sm">
              Мои задачи
            </Title>
            <TaskList />
          </Card>
        </Tabs.Panel>
      </Tabs>
      {chosen && <StartModal capability={chosen} onClose={() => setChosen(null)} />}
    </>
  );
}

function StartModal({ capability, onClose }: { capability: Capability; onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: () => capability.start(),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      notifications.show({ color: 'teal', title: 'Задача в разделе «Мои задачи»', message: capability.title, autoClose: 3000 });
      onClose();
      navigate('/services?tab=tasks');
    },
  });
  return (
    <Modal opened onClose={onClose} title={capability.title} size="lg" centered>
      <Stack>
        <Text size="sm">{capability.confirmText}</Text>
        {start.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(start.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            Подтвердить
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
