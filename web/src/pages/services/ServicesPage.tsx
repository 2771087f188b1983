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
import { createApplication } from '../applications/NewApplicationButton';

/** A function («возможность») the organization can start; each creates a task. */
interface Capability {
  key: string;
  title: string;
  description: string;
  confirmText: string;
  orgRoles: readonly string[];
  /** Creates the task (or answers the open one), or the object to open. */
  start(): Promise<Task | { id: string }>;
  /** Where to go after starting (default: «Мои задачи»). */
  open?: (id: string) => string;
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
  {
    key: 'permit',
    title: 'Выдача разрешения на перемещение ОСС',
    description:
      'Заявление на разрешение на перемещение отходов строительства, сноса зданий и сооружений, в том числе грунтов (1387-ПП): объект, срок работ, виды отходов, перевозчики, объекты приёма и документы. Рассматривается информационным оператором.',
    confirmText:
      'Будет создан черновик заявления; он появится в «Моих задачах» и в разделе «Мои заявки». Каждое изменение сохраняется сразу — черновик можно заполнять частями.',
    orgRoles: ['producer'],
    open: (id) => `/applications/${id}`,
    start: () => createApplication({ kind: 'permit' }),
  },
  {
    key: 'meeting',
    title: 'Проведение общего собрания собственников',
    description:
      'Общее собрание собственников помещений в многоквартирном доме в шесть этапов: сообщение, реестр собственников, бюллетени, подсчёт голосов по площади, протокол с электронной подписью и загрузка протокола в ГИС ЖКХ.',
    confirmText: 'Откроется раздел «ОСС на 100%»: выберите дом и начните собрание. Задача собрания появится в «Моих задачах».',
    orgRoles: ['managing'],
    open: () => '/meetings/new',
    start: () => Promise.resolve({ id: 'new' }),
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
    onSuccess: async (started) => {
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      await qc.invalidateQueries({ queryKey: ['applications'] });
      notifications.show({ color: 'teal', title: 'Задача в разделе «Мои задачи»', message: capability.title, autoClose: 3000 });
      onClose();
      navigate(capability.open ? capability.open(started.id) : '/services?tab=tasks');
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
