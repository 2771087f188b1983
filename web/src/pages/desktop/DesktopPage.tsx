/** «Рабочий стол»: counters, «Мои задачи», «Уведомления». */
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDateTime } from '../../lib/format';
import { fmtTotal, type ListTotal } from '../../components/Keyset';
import { TaskList } from '../tasks/TaskList';
import { OrganizationPrompt } from '../profile/OrganizationPrompt';

export function DesktopPage() {
  const { me, organization } = useAuth();
  return (
    <>
      <PageTitle subtitle={organization?.name}>Рабочий стол</PageTitle>
      <OrganizationPrompt />
      <Counters />
      <Grid mt="lg" gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card component="section" aria-labelledby="tasks-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="tasks-title">
                Мои задачи
              </Title>
              <Anchor component={Link} to="/services?tab=tasks" size="sm">
                Все задачи
              </Anchor>
            </Group>
            <TaskList />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Notifications />
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed" mt="xl">
        Вы вошли как {me.person.fullName}. Время указано московское.
      </Text>
    </>
  );
}

function Counters() {
  const { organization, hasRole } = useAuth();
  // Ordering a statement is the producer's, and submits on its behalf (not for a trusted person with standard access).
  const canOrder = hasRole('producer') && !(organization?.role === 'trusted' && organization.access === 'standard');
  const sites = useQuery({ queryKey: ['sites', 'count'], queryFn: () => call(api.GET('/api/sites', { params: { query: { pageSize: 1 } } })) });
  const permits = useQuery({
    queryKey: ['permits', 'count'],
    queryFn: () => call(api.GET('/api/permits', { params: { query: { pageSize: 1 } } })),
  });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
      <Counter label="Объекты образования ОСС" value={sites.data?.total} loading={sites.isPending} to="/sites" />
      <Counter label="Разрешения на перемещение ОСС" value={permits.data?.total} loading={permits.isPending} to="/sites" />
      {canOrder && (
        <Card>
          <Text size="sm" c="dimmed">
            Сведения о результатах перемещения ОСС
          </Text>
          <Button component={Link} to="/services" variant="light" mt="sm" size="xs">
            Сформировать сведения
          </Button>
        </Card>
      )}
    </SimpleGrid>
  );
}

function Counter({ label, value, loading, to }: { label: string; value?: ListTotal; loading: boolean; to: string }) {
  return (
    <Card component={Link} to={to} style={{ textDecoration: 'none' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={600} c="ossig.8">
        {loading ? '…' : fmtTotal(value ?? { value: 0, exact: true })}
      </Text>
    </Card>
  );
}

function Notifications() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => call(api.GET('/api/notifications')), refetchInterval: 30_000 });
  const read = useMutation({
    mutationFn: (id: string) => call(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <Card component="section" aria-labelledby="notifications-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="notifications-title">
          Уведомления
        </Title>
        {!!list.data?.unread && (
          <Badge color="red" variant="filled" aria-label={`Непрочитанных: ${list.data.unread}`}>
            {list.data.unread}
          </Badge>
        )}
      </Group>
      {list.isPending && <Loading label="Загрузка уведомлений…" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && !list.data.items.length && <Empty>Уведомлений нет</Empty>}
      <Stack gap="sm">
        {list.data?.items.map((n) => (
          <Card key={n.id} padding="sm" bg={n.read ? undefined : 'ossig.0'} aria-label={n.title}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text size="sm" fw={n.read ? 400 : 600}>
                {n.title}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {fmtDateTime(n.createdAt)}
              </Text>
            </Group>
            <Text size="sm" mt={4}>
              {n.body}
            </Text>
            <Group gap="xs" mt="xs">
              {n.link && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => {
                    if (!n.read) read.mutate(n.id);
                    if (n.link!.startsWith('/')) navigate(n.link!);
                    else window.location.assign(n.link!);
                  }}
                >
                  Перейти
                </Button>
              )}
              {!n.read && (
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => read.mutate(n.id)} loading={read.isPending && read.variables === n.id}>
                  Отметить прочитанным
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
