/** Stage 1: the notice — kind, form, initiators, dates, places and the agenda; the PDF notice. */
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, fieldError } from '../../api/client';
import { FormError, RuDateTimeInput, SubmitRow, isWholeMoment } from '../../components/forms';
import { fmtArea, fromMoscowInput, meetingKey, toMoscowInput, type Meeting } from './queries';
import { DocumentBlock } from './Documents';
import { MAJORITY_RULES } from '../../lib/shared';
import { MeetingKindFields } from './MeetingKindFields';

type Item = Meeting['items'][number];

type Majority = Item['majority'];

export function NoticeStage({ m }: { m: Meeting }) {
  const qc = useQueryClient();
  const locked = m.stages[0].done || m.status === 'completed';
  const [kind, setKind] = useState(m.kind);
  const [form, setForm] = useState(m.form);
  const [electronic, setElectronic] = useState(m.electronic);
  const [initiators, setInitiators] = useState(m.initiators);
  const [startsAt, setStartsAt] = useState(toMoscowInput(m.startsAt));
  const [endsAt, setEndsAt] = useState(toMoscowInput(m.endsAt));
  const [place, setPlace] = useState(m.place);
  const [ballotsPlace, setBallotsPlace] = useState(m.ballotsPlace);
  const [materialsPlace, setMaterialsPlace] = useState(m.materialsPlace);
  const [items, setItems] = useState<{ title: string; proposal: string; majority: Majority }[]>(m.items.map((i) => ({ title: i.title, proposal: i.proposal, majority: i.majority })));
  useEffect(() => {
    setItems(m.items.map((i) => ({ title: i.title, proposal: i.proposal, majority: i.majority })));
  }, [m.items]);
  const templates = useQuery({ queryKey: ['meeting-templates'], queryFn: () => call(api.GET('/api/meeting-templates')) });
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/meetings/{id}/notice', {
          params: { path: { id: m.id } },
          body: { kind, form, electronic, initiators, startsAt: fromMoscowInput(startsAt), endsAt: fromMoscowInput(endsAt), place, ballotsPlace, materialsPlace, items },
        }),
      ),
    onSuccess: (r) => {
      qc.setQueryData(meetingKey(m.id), r);
      notifications.show({ color: 'teal', message: 'Сообщение сохранено' });
    },
  });
  const setItem = (i: number, patch: Partial<(typeof items)[number]>) => setItems(items.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <Stack>
      <Card withBorder component="section" aria-label="Дом">
        <Title order={2} size="h5">
          Дом
        </Title>
        <Text size="sm">{m.house.address}</Text>
        <Text size="sm" c="dimmed">
          Кадастровый номер {m.house.cadastralNumber} · общая площадь помещений {fmtArea(m.house.totalArea)} м²
        </Text>
      </Card>
      <Card withBorder component="form" aria-label="Сообщение о проведении ОСС" onSubmit={(e) => {
          e.preventDefault();
          // A half-typed time is shown as an error by its field; nothing is saved until it is whole.
          if (isWholeMoment(startsAt) && isWholeMoment(endsAt)) save.mutate();
        }}
      >
        <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="sm">
            <MeetingKindFields kind={kind} form={form} onKind={setKind} onForm={setForm} />
            <Checkbox label="С использованием системы (электронное голосование)" checked={electronic} onChange={(e) => setElectronic(e.currentTarget.checked)} error={fieldError(save.error, 'electronic')} />
            <Textarea label="Инициаторы собрания" description="ФИО собственников с номерами помещений или наименование управляющей организации" autosize minRows={2} value={initiators} onChange={(e) => setInitiators(e.currentTarget.value)} />
            <Group grow wrap="wrap" align="flex-start">
              <RuDateTimeInput dateLabel="Дата начала собрания" timeLabel="Время начала (МСК)" defaultTime="10:00" value={startsAt} onChange={setStartsAt} error={fieldError(save.error, 'startsAt')} />
              <RuDateTimeInput dateLabel="Дата окончания приёма решений" timeLabel="Время окончания (МСК)" defaultTime="20:00" value={endsAt} onChange={setEndsAt} error={fieldError(save.error, 'endsAt')} />
            </Group>
            <TextInput label="Место проведения собрания" value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
            <TextInput label="Место (адрес) передачи решений собственников" value={ballotsPlace} onChange={(e) => setBallotsPlace(e.currentTarget.value)} />
            <TextInput label="Где ознакомиться с материалами собрания" value={materialsPlace} onChange={(e) => setMaterialsPlace(e.currentTarget.value)} />
            <Title order={3} size="h6">
              Повестка дня
            </Title>
            {items.map((it, i) => (
              <Card key={i} withBorder p="sm" aria-label={`Вопрос ${i + 1}`}>
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600} size="sm">
                      Вопрос {i + 1}
                    </Text>
                    <ActionIcon variant="subtle" color="red" aria-label={`Удалить вопрос ${i + 1}`} onClick={() => setItems(items.filter((_, k) => k !== i))}>
                      ✕
                    </ActionIcon>
                  </Group>
                  <Textarea label="Формулировка вопроса" autosize minRows={1} value={it.title} onChange={(e) => setItem(i, { title: e.currentTarget.value })} error={fieldError(save.error, `items.${i}.title`)} />
                  <Textarea label="Предлагаемое решение" autosize minRows={1} value={it.proposal} onChange={(e) => setItem(i, { proposal: e.currentTarget.value })} />
                  <Select
                    label="Необходимое большинство"
                    data={Object.entries(MAJORITY_RULES).map(([k, r]) => ({ value: k, label: `${r.label} (${r.article})` }))}
                    value={it.majority}
                    onChange={(v) => v && setItem(i, { majority: v as Majority })}
                    allowDeselect={false}
                  />
                </Stack>
              </Card>
            ))}
            <Group>
              <Button variant="light" onClick={() => setItems([...items, { title: '', proposal: '', majority: 'participants' }])}>
                Добавить вопрос
              </Button>
            </Group>
            <FormError error={save.error} />
            <SubmitRow pending={save.isPending}>Сохранить сообщение</SubmitRow>
          </Stack>
        </fieldset>
      </Card>
      {locked && <Alert color="gray">Этап отмечен выполненным: чтобы изменить сообщение, снимите отметку.</Alert>}
      <NoticeFile m={m} templates={templates.data?.items ?? []} />
    </Stack>
  );
}

function NoticeFile({ m, templates }: { m: Meeting; templates: { id: string; name: string }[] }) {
  const [template, setTemplate] = useState<string | null>(null);
  return (
    <Card withBorder component="section" aria-label="Сообщение в PDF">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Сообщение для размещения в доме
        </Title>
        {templates.length > 0 && (
          <Select label="Текст по шаблону (необязательно)" data={templates.map((t) => ({ value: t.id, label: t.name }))} value={template} onChange={setTemplate} clearable />
        )}
        <Text size="sm">
          PDF по данным сообщения и повестке дня, с кодом проверки и QR-кодом.{' '}
          {template
            ? 'Обращение к собственникам — текст выбранного шаблона с подставленными адресом, датой, временем, местом, инициаторами и повесткой.'
            : 'Обращение к собственникам — стандартное; чтобы взять текст из раздела «Шаблоны сообщений», выберите шаблон.'}
        </Text>
        <DocumentBlock m={m} doc="notice" orderLabel="Сформировать сообщение (PDF)" templateId={template} />
      </Stack>
    </Card>
  );
}
