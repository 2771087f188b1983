/** One stage of a meeting: «← К списку этапов ОСС», the stage's work, and «Этап выполнен». */
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, call } from '../../api/client';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { FormError } from '../../components/forms';
import { MEETING_STAGES } from '../../lib/shared';
import { meetingKey, useMeeting, type Meeting } from './queries';
import { NoticeStage } from './NoticeStage';
import { RegisterStage } from './RegisterStage';
import { BallotsStage, CountingStage, ProtocolStage } from './LaterStages';
import { GisStage } from './GisStage';

type StageKey = (typeof MEETING_STAGES)[number]['key'];
const BODIES: Record<StageKey, (p: { m: Meeting }) => ReactNode> = {
  notice: NoticeStage,
  register: RegisterStage,
  ballots: BallotsStage,
  counting: CountingStage,
  protocol: ProtocolStage,
  gis: GisStage,
};

export function BackToStages({ id }: { id: string }) {
  return (
    <Anchor component={Link} to={`/meetings/${id}`} size="sm">
      ← К списку этапов ОСС
    </Anchor>
  );
}

export function StagePage() {
  const { id = '', n = '1' } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <Loading label="Загрузка собрания…" />;
  if (meeting.isError) return <ErrorAlert error={meeting.error} title="Не удалось открыть собрание" />;
  const m = meeting.data;
  const spec = MEETING_STAGES[Math.min(Math.max(Number(n) || 1, 1), 6) - 1];
  const stage = m.stages[spec.n - 1];
  const Body = BODIES[spec.key];
  return (
    <>
      <BackToStages id={m.id} />
      <PageTitle subtitle={`Собрание ${m.number} · ${m.house.address}`} right={stage.done ? <Badge color="teal">Этап выполнен</Badge> : undefined}>
        {spec.n}. {spec.title}
      </PageTitle>
      <Stack>
        <Text size="sm" c="dimmed">
          {spec.hint}{' '}
          <Anchor component={Link} to="/meetings?tab=help" size="sm" underline="always">
            Инструкция по этапам
          </Anchor>
        </Text>
        {!stage.available && <Alert color="yellow">Этап откроется, когда будет выполнен этап «{MEETING_STAGES[spec.n - 2].title}».</Alert>}
        {stage.available && <Body m={m} />}
        {stage.available && spec.key !== 'gis' && m.status !== 'completed' && <StageDone m={m} stage={spec.key} />}
        <BackToStages id={m.id} />
      </Stack>
    </>
  );
}

function StageDone({ m, stage }: { m: Meeting; stage: StageKey }) {
  const qc = useQueryClient();
  const done = m.stages.find((s) => s.key === stage)!.done;
  const mark = useMutation({
    mutationFn: (value: boolean) => call(api.POST('/api/meetings/{id}/stages/{stage}', { params: { path: { id: m.id, stage } }, body: { done: value } })),
    onSuccess: (r) => qc.setQueryData(meetingKey(m.id), r),
  });
  const blockers = mark.error instanceof ApiError ? ((mark.error as ApiError & { blockers?: string[] }).blockers ?? null) : null;
  return (
    <Stack gap="xs">
      {mark.error ? <FormError error={mark.error} /> : null}
      {blockers?.length ? (
        <List size="sm">
          {blockers.map((b) => (
            <List.Item key={b}>{b}</List.Item>
          ))}
        </List>
      ) : null}
      <Group>
        {done ? (
          <Button variant="default" onClick={() => mark.mutate(false)} loading={mark.isPending}>
            Снять отметку о выполнении
          </Button>
        ) : (
          <Button color="teal" onClick={() => mark.mutate(true)} loading={mark.isPending}>
            Этап выполнен
          </Button>
        )}
      </Group>
    </Stack>
  );
}
