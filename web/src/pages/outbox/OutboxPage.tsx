/** «Исходящая почта» (demo stand only): the operator reads the messages the system sent or keeps in the local outbox, with links and codes hidden. */
import { Accordion, Badge, Card, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDateTime } from '../../lib/format';

const STATUS: Record<string, { label: string; color: string }> = {
  outbox: { label: 'в локальной почте', color: 'gray' },
  queued: { label: 'в очереди', color: 'yellow' },
  sent: { label: 'отправлено', color: 'teal' },
  failed: { label: 'ошибка отправки', color: 'red' },
};

export function OutboxPage() {
  const q = useQuery({ queryKey: ['outbox'], queryFn: () => call(api.GET('/api/outbox', { params: { query: { limit: 100 } } })), refetchInterval: 10_000 });
  return (
    <>
      <PageTitle subtitle="Письма, которые система отправила пользователям">Исходящая почта</PageTitle>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Card>
          <Text size="sm" c="dimmed" mb="sm">
            {q.data.mode === 'smtp'
              ? 'Письма уходят через SMTP-сервер; здесь — журнал отправки.'
              : 'SMTP не настроен (демо-стенд): письма остаются в локальной почте и читаются здесь.'}{' '}
            Ссылки и коды из писем (восстановление пароля, завершение сеанса) здесь скрыты: их видит только получатель письма.
          </Text>
          {q.data.items.length === 0 ? (
            <Empty>Писем пока нет</Empty>
          ) : (
            <Accordion variant="separated">
              {q.data.items.map((m) => (
                <Accordion.Item key={m.id} value={m.id}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap">
                      <div>
                        <Text fw={600}>{m.subject}</Text>
                        <Text size="sm" c="dimmed">
                          {m.to} · {fmtDateTime(m.createdAt)}
                        </Text>
                      </div>
                      <Badge variant="light" color={STATUS[m.status]?.color ?? 'gray'}>
                        {STATUS[m.status]?.label ?? m.status}
                      </Badge>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {m.text}
                    </Text>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
        </Card>
      )}
    </>
  );
}
