/** «ОСС на 100%»: meetings in progress and completed, the calendar, message templates and the instruction. */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, Group, Paper, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage, fieldError } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { SubmitRow } from '../../components/forms';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { GIS_STATUS_LABELS, MEETING_FORM_LABELS, MEETING_KIND_LABELS, MEETING_STAGES } from '../../lib/shared';
import { useMeetings, type MeetingListItem } from './queries';
import { InstructionPage } from './Instruction';

const TABS = ['list', 'completed', 'calendar', 'templates', 'help'] as const;
type Tab = (typeof TABS)[number];

export function MeetingsPage() {
  const [search, setSearch] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'list';
  return (
    <>
      <PageTitle
        subtitle="Проведение общего собрания собственников помещений в многоквартирном доме: шесть этапов от сообщения до загрузки протокола в ГИС ЖКХ"
        right={
          <Button component={Link} to="/meetings/new">
            Новое собрание
          </Button>
        }
      >
        ОСС на 100%
      </PageTitle>
      <Tabs value={tab} onChange={(v) => setSearch(v === 'list' ? {} : { tab: v ?? 'list' }, { replace: true })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="list">Список собраний</Tabs.Tab>
          <Tabs.Tab value="completed">Список завершенных собраний</Tabs.Tab>
          <Tabs.Tab value="calendar">Календарь собраний</Tabs.Tab>
          <Tabs.Tab value="templates">Шаблоны сообщений</Tabs.Tab>
          <Tabs.Tab value="help">Инструкция</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">{tab === 'list' && <MeetingList status="in_progress" />}</Tabs.Panel>
        <Tabs.Panel value="completed">{tab === 'completed' && <MeetingList status="completed" />}</Tabs.Panel>
        <Tabs.Panel value="calendar">{tab === 'calendar' && <Calendar />}</Tabs.Panel>
        <Tabs.Panel value="templates">{tab === 'templates' && <Templates />}</Tabs.Panel>
        <Tabs.Panel value="help">{tab === 'help' && <InstructionPage />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function MeetingList({ status }: { status: 'in_progress' | 'completed' }) {
  const list = useMeetings(status);
  if (list.isPending) return <Loading label="Загрузка собраний…" />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  if (!list.data.items.length)
    return (
      <Card>
        <Empty>{status === 'completed' ? 'Проведённых собраний нет' : 'Собраний в работе нет. Начните новое собрание кнопкой «Новое собрание».'}</Empty>
      </Card>
    );
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Собрания">
      {list.data.items.map((m) => (
        <MeetingRow key={m.id} m={m} />
      ))}
    </Stack>
  );
}

function MeetingRow({ m }: { m: MeetingListItem }) {
  const next = MEETING_STAGES[Math.min(m.stagesDone, 5)];
  return (
    <li>
      <Paper withBorder p="md" aria-label={`Собрание ${m.number}`}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 300px' }}>
            <Group gap="xs">
              <Text fw={600}>{m.number}</Text>
              <Badge variant="light" color={m.status === 'completed' ? 'teal' : 'blue'}>
                {m.status === 'completed' ? 'Проведено' : `Этап ${next.n} из 6`}
              </Badge>
              {m.gisStatus !== 'none' && <Badge variant="outline">ГИС ЖКХ: {GIS_STATUS_LABELS[m.gisStatus]}</Badge>}
            </Group>
            <Text size="sm">{m.address}</Text>
            <Text size="sm" c="dimmed">
              {MEETING_KIND_LABELS[m.kind]} · {MEETING_FORM_LABELS[m.form]} · {m.startsAt ? `с ${fmtDateTime(m.startsAt)}` : 'даты не назначены'}
              {m.endsAt ? ` по ${fmtDateTime(m.endsAt)}` : ''}
              {m.completedAt ? ` · проведено ${fmtDate(m.completedAt)}` : ''}
            </Text>
          </Stack>
          <Button component={Link} to={`/meetings/${m.id}`} variant="light">
            Открыть
          </Button>
        </Group>
      </Paper>
    </li>
  );
}

/** The calendar: every meeting by the month of its start. */
function Calendar() {
  const list = useMeetings('all');
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const byMonth = new Map<string, MeetingListItem[]>();
  for (const m of list.data.items) {
    const key = m.startsAt ? new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'Europe/Moscow' }).format(new Date(m.startsAt)) : 'Без даты';
    byMonth.set(key, [...(byMonth.get(key) ?? []), m]);
  }
  if (!byMonth.size) return <Empty>Собраний нет</Empty>;
  return (
    <Stack>
      {[...byMonth].map(([month, items]) => (
        <Card key={month} withBorder component="section" aria-label={month}>
          <Title order={2} size="h5" mb="xs" tt="capitalize">
            {month}
          </Title>
          <Stack gap={6}>
            {items.map((m) => (
              <Group key={m.id} gap="xs" wrap="wrap">
                <Text size="sm" w={150}>
                  {m.startsAt ? fmtDateTime(m.startsAt) : '—'}
                </Text>
                <Text size="sm" component={Link} to={`/meetings/${m.id}`} c="blue">
                  {m.number}
                </Text>
                <Text size="sm" c="dimmed">
                  {m.address}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function Templates() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['meeting-templates'], queryFn: () => call(api.GET('/api/meeting-templates')) });
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => call(api.POST('/api/meeting-templates', { body: { name, body } })),
    onSuccess: () => {
      setName('');
      setBody('');
      notifications.show({ color: 'teal', message: 'Шаблон сохранён' });
      void qc.invalidateQueries({ queryKey: ['meeting-templates'] });
    },
  });
  const del = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/meeting-templates/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['meeting-templates'] }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Тексты сообщений о проведении собрания, которые организация использует повторно. В тексте можно использовать подстановки: {'{адрес}'}, {'{дата}'}, {'{время}'}, {'{место}'}, {'{инициаторы}'}, {'{повестка}'}.
      </Text>
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data?.items.map((t) => (
        <Paper key={t.id} withBorder p="sm">
          <Group justify="space-between">
            <Text fw={600}>{t.name}</Text>
            <Button size="xs" variant="subtle" color="red" onClick={() => del.mutate(t.id)}>
              Удалить
            </Button>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t.body}
          </Text>
        </Paper>
      ))}
      <Card withBorder component="form" aria-label="Новый шаблон" onSubmit={(e) => (e.preventDefault(), add.mutate())}>
        <Stack gap="xs">
          <TextInput label="Название шаблона" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(add.error, 'name')} />
          <Textarea label="Текст сообщения" autosize minRows={4} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={fieldError(add.error, 'body')} />
          {add.error && !fieldError(add.error, 'name') && !fieldError(add.error, 'body') ? <Alert color="red">{errorMessage(add.error)}</Alert> : null}
          <SubmitRow pending={add.isPending}>Сохранить шаблон</SubmitRow>
        </Stack>
      </Card>
    </Stack>
  );
}
