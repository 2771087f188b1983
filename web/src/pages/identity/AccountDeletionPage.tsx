/** «Удаление учётной записи»: what is removed and what is kept, confirmed with the password. */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fieldError } from '../../api/client';
import { ME_KEY } from '../../auth';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { FormError } from '../../components/forms';
import { FIELD_LABELS } from '../../lib/shared';
import { identityApi } from './api';

export function AccountDeletionPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const notice = useQuery({ queryKey: ['identity', 'deletion'], queryFn: identityApi.deletion });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const del = useMutation({
    mutationFn: () => identityApi.deleteAccount(notice.data?.needsPassword ? { password } : { confirm: confirm.trim() }),
    onSuccess: () => {
      navigate('/', { replace: true });
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    del.mutate();
  };

  return (
    <>
      <PageTitle>Удаление учётной записи</PageTitle>
      {notice.isPending && <Loading />}
      {notice.isError && <ErrorAlert error={notice.error} />}
      {notice.data && (
        <Stack gap="lg" maw={760}>
          <ListCard title="Будет удалено" items={notice.data.removed} />
          <ListCard title="Сохранится" items={notice.data.kept} />
          <Alert color="red" variant="light">
            {notice.data.irreversible}
          </Alert>
          <Card withBorder>
            <form onSubmit={submit} noValidate>
              <Stack gap="sm" maw={420}>
                <FormError error={del.error} />
                {notice.data.needsPassword ? (
                  <PasswordInput
                    label={FIELD_LABELS.password}
                    description="Подтвердите удаление паролем"
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                    error={fieldError(del.error, 'password')}
                  />
                ) : (
                  <TextInput
                    label={FIELD_LABELS.confirm}
                    description="У учётной записи нет пароля: введите слово УДАЛИТЬ"
                    value={confirm}
                    onChange={(e) => setConfirm(e.currentTarget.value)}
                    error={fieldError(del.error, 'confirm')}
                  />
                )}
                <Text size="xs" c="dimmed">
                  После удаления вы выйдете из системы.
                </Text>
                <Button type="submit" color="red" loading={del.isPending} disabled={notice.data.needsPassword ? !password : !confirm.trim()}>
                  Удалить учётную запись
                </Button>
              </Stack>
            </form>
          </Card>
        </Stack>
      )}
    </>
  );
}

function ListCard({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <List size="sm" spacing={4}>
        {items.map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
    </Card>
  );
}
