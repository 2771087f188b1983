/** What the applicant can do now: what is missing, «Подать» / «Подать повторно», «Отозвать». */
import { useState } from 'react';
import { Alert, Button, Card, List, Modal, Stack, Text, Textarea, Title, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, ApiError, errorMessage } from '../../api/client';
import type { Application } from '../../api/types';
import { newKey } from '../../lib/ids';
import { appKey } from './queries';

export function ApplicantActions({ app }: { app: Application }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const can = (a: string) => app.allowedActions.includes(a as never);
  const resubmit = app.status === 'needs_info';

  const done = async (card: Application, message: string) => {
    qc.setQueryData(appKey(app.id), card);
    await Promise.all([qc.invalidateQueries({ queryKey: ['applications'] }), qc.invalidateQueries({ queryKey: ['tasks'] })]);
    notifications.show({ color: 'teal', message });
  };
  const submit = async () => {
    setBusy('submit');
    setProblem(null);
    try {
      const fresh = qc.getQueryData<Application>(appKey(app.id)) ?? app;
      const card = await call(api.POST('/api/applications/{id}/submit', { params: { path: { id: app.id }, header: { 'idempotency-key': newKey() } }, body: { version: fresh.version } }));
      await done(card, resubmit ? 'Заявление подано повторно' : 'Заявление подано');
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError(0, 'network', errorMessage(e), undefined));
      if (e instanceof ApiError && e.code === 'version_conflict') await qc.invalidateQueries({ queryKey: appKey(app.id) });
    } finally {
      setBusy(null);
    }
  };
  const withdraw = async () => {
    setBusy('withdraw');
    try {
      const card = await call(api.POST('/api/applications/{id}/withdraw', { params: { path: { id: app.id }, header: { 'idempotency-key': newKey() } }, body: { reason: reason || undefined } }));
      setWithdrawing(false);
      await done(card, 'Заявление отозвано');
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  if (!can('submit') && !can('resubmit') && !can('withdraw') && !(app.editable && app.missing.length)) return null;
  return (
    <Card component="section" aria-label="Подача заявления">
      <Title order={2} size="h5" mb="sm">
        {resubmit ? 'Повторная подача' : app.status === 'draft' ? 'Подача заявления' : 'Действия'}
      </Title>
      <Stack gap="sm">
        {app.editable && app.missing.length > 0 && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              Осталось заполнить:
            </Text>
            <List size="sm" spacing={2} aria-label="Не заполнено">
              {app.missing.map((m) => (
                <List.Item key={m.field}>{m.message}</List.Item>
              ))}
            </List>
          </div>
        )}
        {app.editable && app.missing.length === 0 && app.status === 'draft' && (
          <Text size="sm" c="teal.8">
            Все сведения заполнены — заявление можно подать.
          </Text>
        )}
        {!app.allowedActions.includes('submit') && app.status === 'draft' && app.editable && (
          <Text size="xs" c="dimmed">
            Подать заявление может руководитель, сотрудник или доверенное лицо с полным доступом; вы можете заполнить черновик.
          </Text>
        )}
        {problem && (
          <Alert color="red" variant="light" role="alert" title={problem.title}>
            {problem.errors.length > 1 ? (
              <List size="sm">
                {problem.errors.map((e) => (
                  <List.Item key={e.field}>{e.message}</List.Item>
                ))}
              </List>
            ) : (
              (problem.detail ?? problem.title)
            )}
          </Alert>
        )}
        {(can('submit') || can('resubmit')) && (
          <Button onClick={() => void submit()} loading={busy === 'submit'}>
            {resubmit ? 'Подать повторно' : 'Подать заявление'}
          </Button>
        )}
        {can('withdraw') && (
          <Button variant="subtle" color="red" onClick={() => setWithdrawing(true)}>
            Отозвать заявление
          </Button>
        )}
      </Stack>
      <Modal opened={withdrawing} onClose={() => setWithdrawing(false)} title={`Отозвать заявление № ${app.number}?`} centered>
        <Stack>
          <Text size="sm">Отозванное заявление не рассматривается; чтобы получить разрешение, понадобится подать новое.</Text>
          <Textarea label="Причина (необязательно)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={2000} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(false)}>
              Отмена
            </Button>
            <Button color="red" onClick={() => void withdraw()} loading={busy === 'withdraw'}>
              Отозвать
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
