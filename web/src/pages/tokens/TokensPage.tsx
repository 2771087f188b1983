/** «Доступ по API»: tokens for the organization's systems (Authorization: Bearer …). */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { CopyValueButton } from '../../components/forms';
import { RowActionButton } from '../../components/RowAction';
import { fmtDateTime } from '../../lib/format';

export function TokensPage() {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const list = useQuery({ queryKey: ['tokens'], queryFn: () => call(api.GET('/api/tokens')) });
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/tokens', { body: { name } })),
    onSuccess: (t) => {
      setSecret({ name: t.name, token: t.token });
      setName('');
      void qc.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['tokens'] }),
  });

  return (
    <>
      <PageTitle subtitle="Для учётных систем организации: запись рейсов и чтение данных по API от вашего имени">Доступ по API</PageTitle>
      <Card mb="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Group align="end">
            <TextInput
              label="Название токена"
              description="Например, «Диспетчерская система»"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={100}
              required
              w={360}
              error={create.isError ? errorMessage(create.error) : undefined}
            />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Выпустить токен
            </Button>
          </Group>
        </form>
        {secret && (
          <Alert color="teal" mt="md" title={`Токен «${secret.name}» выпущен`}>
            <Stack gap="xs">
              <Text size="sm">Скопируйте его сейчас: больше он показан не будет. Передавайте в заголовке запроса:</Text>
              <Group gap="xs" wrap="nowrap">
                <Code style={{ wordBreak: 'break-all' }}>Authorization: Bearer {secret.token}</Code>
                <CopyValueButton value={secret.token} label="Копировать" />
              </Group>
              <Text size="xs" c="dimmed">
                Описание API: <a href="/api/docs">/api/docs</a>. Запросы на запись принимают заголовок Idempotency-Key.
              </Text>
            </Stack>
          </Alert>
        )}
      </Card>
      <Card>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Empty>Токенов пока нет</Empty>
        ) : (
          <ListTable columns={['Название', 'Выпустил', 'Выпущен', 'Состояние', '']}>
            {list.data.items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>{t.personName}</Table.Td>
                <Table.Td>{fmtDateTime(t.createdAt)}</Table.Td>
                <Table.Td>
                  {t.revokedAt ? (
                    <Badge color="gray" variant="light">
                      отозван {fmtDateTime(t.revokedAt)}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      действует
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!t.revokedAt && (
                    <RowActionButton action={revoke} id={t.id} variant="subtle">
                      Отозвать
                    </RowActionButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </Card>
    </>
  );
}
