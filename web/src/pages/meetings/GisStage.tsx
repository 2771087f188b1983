/** Stage 6: the company, the access-rights check, the protocol's data and «Загрузить протокол в ГИС»; the status (ГИС ЖКХ simulator). */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, fieldError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useAuth } from '../../auth';
import { fmtDateTime } from '../../lib/format';
import { GIS_SIMULATOR_NOTICE, GIS_STATUS_LABELS } from '../../lib/shared';
import { meetingKey, type Meeting } from './queries';
import { DocumentDownloads } from './Documents';

const STATUS_COLOR = { none: 'gray', sending: 'blue', loaded: 'teal', error: 'red' } as const;

export function GisStage({ m }: { m: Meeting }) {
  const qc = useQueryClient();
  const { organization: org } = useAuth();
  const [fias, setFias] = useState(m.gis.fiasHouseGuid ?? '');
  const set = (r: Meeting) => qc.setQueryData(meetingKey(m.id), r);
  const rights = useMutation({ mutationFn: () => call(api.POST('/api/meetings/{id}/gis/rights', { params: { path: { id: m.id } } })), onSuccess: set });
  const upload = useMutation({
    mutationFn: () => call(api.POST('/api/meetings/{id}/gis/upload', { params: { path: { id: m.id } }, body: { fiasHouseGuid: fias.trim() || null } })),
    onSuccess: set,
  });
  const done = m.status === 'completed';
  return (
    <Stack>
      {m.gis.simulator && <Alert color="yellow" title="Симулятор ГИС ЖКХ">{GIS_SIMULATOR_NOTICE}</Alert>}
      <Card withBorder component="section" aria-label="Выбор компании">
        <Stack gap="xs">
          <Title order={2} size="h5">
            Выбор компании
          </Title>
          <Text size="sm">Протокол загружается от имени управляющей организации, за которую вы действуете: {org ? `${org.name}, ИНН ${org.inn}` : '…'}. Чтобы загрузить от имени другой компании, смените профиль.</Text>
          <Text size="sm" c="dimmed">
            Права доступа предоставляются в личном кабинете организации на dom.gosuslugi.ru: «Администрирование» → «Предоставление прав доступа» → «Заявки» → «Выбор оператора ИС», затем «Отметить все виды информации» и «Отправить заявку».
          </Text>
          {m.gis.rightsConfirmedAt ? (
            <Text size="sm" role="status">
              Права доступа подтверждены {fmtDateTime(m.gis.rightsConfirmedAt)}.
            </Text>
          ) : (
            !done && (
              <Group>
                <Button onClick={() => rights.mutate()} loading={rights.isPending}>
                  Подтвердить
                </Button>
              </Group>
            )
          )}
          <FormError error={rights.error} />
        </Stack>
      </Card>
      <Card withBorder component="section" aria-label="Загрузка протокола в ГИС">
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h5">
              Загрузка протокола в ГИС
            </Title>
            <Badge color={STATUS_COLOR[m.gis.status]}>{GIS_STATUS_LABELS[m.gis.status]}</Badge>
          </Group>
          <List size="sm">
            <List.Item>Протокол № {m.protocol.number ?? '—'}{m.protocol.date ? ` от ${m.protocol.date.slice(8, 10)}.${m.protocol.date.slice(5, 7)}.${m.protocol.date.slice(0, 4)}` : ''}</List.Item>
            <List.Item>Дом: {m.house.address}, кадастровый номер {m.house.cadastralNumber}</List.Item>
            <List.Item>Файлы: протокол (PDF) и его электронная подпись{m.protocol.scan ? `, скан «${m.protocol.scan.name}»` : ''}</List.Item>
          </List>
          <DocumentDownloads m={m} doc="protocol" />
          {!done && m.gis.status !== 'loaded' && (
            <TextInput label="Код дома по ФИАС (необязательно)" placeholder="GUID дома" value={fias} onChange={(e) => setFias(e.currentTarget.value)} error={fieldError(upload.error, 'fiasHouseGuid')} maw={460} />
          )}
          {m.gis.status === 'sending' && (
            <Text size="sm" role="status">
              Протокол находится в процессе загрузки в ГИС ЖКХ{m.gis.sentAt ? ` (отправлен ${fmtDateTime(m.gis.sentAt)})` : ''}.
            </Text>
          )}
          {m.gis.status === 'loaded' && (
            <Text size="sm" role="status">
              Протокол загружен {m.gis.stateAt ? fmtDateTime(m.gis.stateAt) : ''}; идентификатор протокола в ГИС ЖКХ: {m.gis.protocolGuid}.
            </Text>
          )}
          {m.gis.status === 'error' && m.gis.error && <Alert color="red" title="Ошибка загрузки">{m.gis.error}</Alert>}
          {!done && m.gis.status !== 'loaded' && (
            <Group>
              <Button onClick={() => upload.mutate()} loading={upload.isPending || m.gis.status === 'sending'} disabled={!m.gis.rightsConfirmedAt || !m.protocol.ready}>
                Загрузить протокол в ГИС
              </Button>
            </Group>
          )}
          {upload.error && !fieldError(upload.error, 'fiasHouseGuid') ? <FormError error={upload.error} /> : null}
          {m.gis.status === 'loaded' && !done && <Text size="sm">Теперь отметьте собрание проведённым: кнопка «Собрание проведено» на странице этапов.</Text>}
        </Stack>
      </Card>
    </Stack>
  );
}
