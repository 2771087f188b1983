/** The stages of a meeting as a checklist with done marks (seed 001), the ГИС ЖКХ status and «Собрание проведено». */
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { FormError } from '../../components/forms';
import { fmtDateTime } from '../../lib/format';
import { GIS_SIMULATOR_NOTICE, GIS_STATUS_LABELS, MEETING_FORM_LABELS, MEETING_KIND_LABELS, MEETING_STAGES } from '../../lib/shared';
import { meetingKey, useMeeting } from './queries';

export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const qc = useQueryClient();
  const complete = useMutation({
    mutationFn: () => call(api.POST('/api/meetings/{id}/complete', { params: { path: { id } } })),
    onSuccess: (m) => qc.setQueryData(meetingKey(id), m),
  });
  if (meeting.isPending) return <Loading label="Загрузка собрания…" />;
  if (meeting.isError) return <ErrorAlert error={meeting.error} title="Не удалось открыть собрание" />;
  const m = meeting.data;
  return (
    <>
      <Anchor component={Link} to={m.status === 'completed' ? '/meetings?tab=completed' : '/meetings'} size="sm">
        ← К списку собраний
      </Anchor>
      <PageTitle
        subtitle={`${m.house.address} · ${MEETING_KIND_LABELS[m.kind]} · ${MEETING_FORM_LABELS[m.form]}${m.startsAt ? ` · с ${fmtDateTime(m.startsAt)}` : ''}${m.endsAt ? ` по ${fmtDateTime(m.endsAt)}` : ''}`}
        right={m.status === 'completed' ? <Badge color="teal">Собрание проведено</Badge> : <Badge>Проводится</Badge>}
      >
        Собрание {m.number}
      </PageTitle>
      <Stack maw={860}>
        <Card withBorder component="nav" aria-label="Этапы ОСС">
          <Stack gap="xs">
            {m.stages.map((s) => {
              const spec = MEETING_STAGES[s.n - 1];
              return (
                <Group key={s.key} gap="sm" wrap="nowrap" align="flex-start">
                  <Checkbox checked={s.done} readOnly aria-label={`${s.n}. ${s.title}: ${s.done ? 'выполнен' : 'не выполнен'}`} mt={3} />
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    {s.available ? (
                      <Anchor component={Link} to={`/meetings/${m.id}/stages/${s.n}`} fw={600}>
                        {s.n}. {s.title}
                      </Anchor>
                    ) : (
                      <Text fw={600} c="dimmed">
                        {s.n}. {s.title}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {s.done ? `Выполнен ${fmtDateTime(s.doneAt)}` : spec.hint}
                    </Text>
                  </Stack>
                </Group>
              );
            })}
          </Stack>
        </Card>
        {m.gis.status !== 'none' && (
          <Card withBorder component="section" aria-label="Загрузка протокола">
            <Title order={2} size="h5">
              Загрузка протокола
            </Title>
            <Text role="status">
              {m.gis.status === 'sending' ? 'Протокол находится в процессе загрузки в ГИС ЖКХ' : `Статус: ${GIS_STATUS_LABELS[m.gis.status]}`}
            </Text>
            {m.gis.error && (
              <Alert color="red" mt="xs">
                {m.gis.error}
              </Alert>
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {GIS_SIMULATOR_NOTICE}
            </Text>
          </Card>
        )}
        {m.status !== 'completed' && (
          <Group>
            <Button color="teal" onClick={() => complete.mutate()} loading={complete.isPending} disabled={m.gis.status !== 'loaded'}>
              Собрание проведено
            </Button>
            {m.gis.status !== 'loaded' && (
              <Text size="sm" c="dimmed">
                Когда статус загрузки протокола в ГИС ЖКХ изменится на «Загружен», нажмите «Собрание проведено».
              </Text>
            )}
          </Group>
        )}
        <FormError error={complete.error} />
      </Stack>
    </>
  );
}
