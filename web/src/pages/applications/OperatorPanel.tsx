/** The operator's side of an application: the clock, the specialist, «Требуется дополнение», and the decision form. */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, ApiError } from '../../api/client';
import { RuDateInput } from '../../components/forms';
import type { Application } from '../../api/types';
import { useAuth } from '../../auth';
import { fmtDate } from '../../lib/format';
import { newKey } from '../../lib/ids';
import { appKey, useReference, useSpecialists } from './queries';

export function ReviewClock({ app }: { app: Application }) {
  const r = app.review;
  if (!r) return null;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">
        Срок рассмотрения: {r.days} раб. дн., до {fmtDate(r.dueOn)}
      </Text>
      {r.running && r.overdue && (
        <Badge color="red" variant="filled">
          Просрочено
        </Badge>
      )}
      {r.running && !r.overdue && r.workingDaysLeft !== null && (
        <Badge color={r.workingDaysLeft <= 1 ? 'orange' : 'gray'} variant="light">
          {r.workingDaysLeft === 0 ? 'истекает сегодня' : `осталось раб. дн.: ${r.workingDaysLeft}`}
        </Badge>
      )}
    </Group>
  );
}

export function OperatorPanel({ app }: { app: Application }) {
  const qc = useQueryClient();
  const { organization } = useAuth();
  const canAct = !(organization?.role === 'trusted' && organization.access === 'standard');
  const ref = useReference();
  const specialists = useSpecialists(true);
  const [mode, setMode] = useState<'approve' | 'request' | 'reject'>('approve');
  const [comment, setComment] = useState('');
  const [reasonCode, setReasonCode] = useState<string | null>(null);
  const [request, setRequest] = useState('');
  const [dueMode, setDueMode] = useState<'days' | 'date'>('days');
  const [days, setDays] = useState<number | string>(10);
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const underReview = app.status === 'submitted';
  const open = app.status === 'submitted' || app.status === 'needs_info';

  const run = async (fn: () => Promise<Application & { dueMoved?: boolean }>, message: string) => {
    setBusy(true);
    setProblem(null);
    try {
      const card = await fn();
      qc.setQueryData(appKey(app.id), card);
      await Promise.all([qc.invalidateQueries({ queryKey: ['applications'] }), qc.invalidateQueries({ queryKey: ['tasks'] })]);
      notifications.show({ color: 'teal', message: card.dueMoved ? `${message}. Срок приходится на нерабочий день и перенесён на ${fmtDate(card.infoRequest?.dueOn)}` : message });
      setComment('');
      setRequest('');
    } catch (e) {
      setProblem(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const headers = () => ({ 'idempotency-key': newKey() });

  return (
    <Card component="section" aria-label="Рассмотрение">
      <Title order={2} size="h5" mb="sm">
        Рассмотрение
      </Title>
      <Stack gap="sm">
        <ReviewClock app={app} />
        {open && (
          <Select
            label="Специалист"
            data={[{ value: '', label: 'Не назначен (общая очередь)' }, ...(specialists.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            value={app.assignee?.id ?? ''}
            onChange={(v) => void run(() => call(api.POST('/api/operator/applications/{id}/assign', { params: { path: { id: app.id } }, body: { assigneeId: v || null } })), 'Специалист назначен')}
            disabled={!canAct || busy}
            allowDeselect={false}
          />
        )}
        {underReview && canAct && (
          <>
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v as typeof mode)}
              data={[
                { value: 'approve', label: 'Одобрить' },
                { value: 'request', label: 'Запросить' },
                { value: 'reject', label: 'Отклонить' },
              ]}
              fullWidth
              aria-label="Решение"
            />
            {mode === 'request' && (
              <>
                <Select
                  label="Типовой запрос"
                  placeholder="Выберите, чтобы подставить текст"
                  data={(ref.data?.infoRequestTemplates ?? []).map((t) => ({ value: t.text, label: t.text }))}
                  value={null}
                  onChange={(v) => v && setRequest((r) => (r ? `${r}\n${v}` : v))}
                />
                <Textarea label="Что требуется" autosize minRows={3} value={request} onChange={(e) => setRequest(e.currentTarget.value)} error={problem?.fieldMessage('request')} />
                <SegmentedControl
                  size="xs"
                  value={dueMode}
                  onChange={(v) => setDueMode(v as typeof dueMode)}
                  data={[
                    { value: 'days', label: 'Рабочих дней' },
                    { value: 'date', label: 'К дате' },
                  ]}
                />
                {dueMode === 'days' ? (
                  <NumberInput label="Срок, рабочих дней" min={1} max={60} value={days} onChange={setDays} />
                ) : (
                  <RuDateInput
                    label="Срок"
                    description="Если дата приходится на нерабочий день, срок переносится на ближайший рабочий день"
                    value={dueOn}
                    onChange={setDueOn}
                    error={problem?.fieldMessage('dueOn')}
                  />
                )}
                <Button
                  color="orange"
                  loading={busy}
                  onClick={() =>
                    void run(
                      () =>
                        call(
                          api.POST('/api/operator/applications/{id}/request-info', {
                            params: { path: { id: app.id }, header: headers() },
                            body: dueMode === 'date' && dueOn ? { request, dueOn } : { request, workingDays: Number(days) || 10 },
                          }),
                        ),
                      'Запрос отправлен заявителю',
                    )
                  }
                >
                  Требуется дополнение
                </Button>
              </>
            )}
            {mode === 'reject' && (
              <Select
                label="Основание отказа"
                data={(ref.data?.rejectionReasons ?? []).map((r) => ({ value: r.code, label: r.text }))}
                value={reasonCode}
                onChange={setReasonCode}
                error={problem?.fieldMessage('reasonCode')}
              />
            )}
            {mode !== 'request' && (
              <>
                <Textarea
                  label={mode === 'reject' ? 'Пояснение для заявителя' : 'Комментарий (необязательно)'}
                  autosize
                  minRows={2}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  error={problem?.fieldMessage('comment')}
                />
                <Button
                  color={mode === 'reject' ? 'red' : 'teal'}
                  loading={busy}
                  onClick={() =>
                    void run(
                      () =>
                        call(
                          api.POST('/api/operator/applications/{id}/decision', {
                            params: { path: { id: app.id }, header: headers() },
                            body: mode === 'reject' ? { decision: 'reject', reasonCode: reasonCode ?? undefined, comment } : { decision: 'approve', comment: comment || undefined },
                          }),
                        ),
                      mode === 'reject' ? 'Заявление отклонено' : 'Заявление одобрено, разрешение выдано',
                    )
                  }
                >
                  {mode === 'reject' ? 'Отклонить заявление' : 'Одобрить и выдать разрешение'}
                </Button>
              </>
            )}
          </>
        )}
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem.detail ?? problem.title}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
