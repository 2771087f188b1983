/** Stage 6: the company, the access-rights check, the protocol's data (general information, results per item, initiators) and «Загрузить протокол в ГИС»; the status (ГИС ЖКХ simulator). */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, FileButton, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiHref, sendMeetingFile } from '../../api/files';
import { api, call, fieldError } from '../../api/client';
import { FormError } from '../../components/forms';
import { fmtBytes, fmtDateTime } from '../../lib/format';
import { GIS_SIMULATOR_NOTICE, GIS_STATUS_LABELS, MEETING_FORM_LABELS, MEETING_KIND_LABELS, SCAN_KINDS_TEXT } from '../../lib/shared';
import { LiveCount } from './LaterStages';
import { meetingKey, type Meeting } from './queries';
import { DocumentDownloads } from './Documents';

const STATUS_COLOR = { none: 'gray', sending: 'blue', loaded: 'teal', error: 'red' } as const;

export function GisStage({ m }: { m: Meeting }) {
  const qc = useQueryClient();
  const [fias, setFias] = useState(m.gis.fiasHouseGuid ?? '');
  const set = (r: Meeting) => qc.setQueryData(meetingKey(m.id), r);
  const locked = m.status === 'completed' || m.gis.status === 'sending' || m.gis.status === 'loaded';
  const companies = useQuery({ queryKey: ['meetings', m.id, 'gis-companies'], queryFn: () => call(api.GET('/api/meetings/{id}/gis/companies', { params: { path: { id: m.id } } })) });
  const [chosen, setCompanyId] = useState<string | null>(null);
  const companyId = chosen ?? m.gis.company?.id ?? companies.data?.items.find((c) => c.current)?.id ?? null;
  const rights = useMutation({
    mutationFn: () => call(api.POST('/api/meetings/{id}/gis/rights', { params: { path: { id: m.id } }, body: companyId ? { companyId } : {} })),
    onSuccess: set,
  });
  const scanUrl = apiHref('/api/meetings/{id}/protocol/scan', { id: m.id });
  const attach = useMutation({ mutationFn: (f: File) => sendMeetingFile(scanUrl, f) as Promise<Meeting>, onSuccess: set });
  const detach = useMutation({ mutationFn: () => call(api.DELETE('/api/meetings/{id}/protocol/scan', { params: { path: { id: m.id } } })), onSuccess: set });
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
          <Text size="sm">Выберите управляющую компанию, от имени которой загрузить протокол ОСС, и нажмите «Подтвердить», чтобы проверить права доступа сервиса к её личному кабинету ГИС ЖКХ.</Text>
          <Select
            label="Выберите компанию"
            data={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} ИНН: ${c.inn}` }))}
            value={companyId}
            onChange={(v) => v && setCompanyId(v)}
            disabled={locked}
            allowDeselect={false}
            error={fieldError(rights.error, 'companyId')}
            maw={560}
          />
          <Text size="sm" c="dimmed">
            Права доступа предоставляются в личном кабинете организации на dom.gosuslugi.ru: «Администрирование» → «Предоставление прав доступа» → «Заявки» → «Выбор оператора ИС», затем «Отметить все виды информации» и «Отправить заявку».
          </Text>
          {m.gis.rightsConfirmedAt && m.gis.company && (
            <Text size="sm" role="status">
              Права доступа {m.gis.company.name} (ИНН {m.gis.company.inn}) подтверждены {fmtDateTime(m.gis.rightsConfirmedAt)}.
            </Text>
          )}
          {!locked && (!m.gis.rightsConfirmedAt || m.gis.company?.id !== companyId) && (
            <Group>
              <Button onClick={() => rights.mutate()} loading={rights.isPending} disabled={!companyId}>
                Подтвердить
              </Button>
            </Group>
          )}
          {rights.error && !fieldError(rights.error, 'companyId') ? <FormError error={rights.error} /> : null}
        </Stack>
      </Card>
      {/* The protocol's results as ГИС ЖКХ receives them (seed 001: the form shows each item's result). */}
      <LiveCount m={m} />
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
            <List.Item>
              Вид собрания: {MEETING_KIND_LABELS[m.kind]}; форма проведения: {MEETING_FORM_LABELS[m.form]}
              {m.electronic ? ' (с электронным голосованием)' : ''}
            </List.Item>
            <List.Item>
              Дата и время проведения: с {fmtDateTime(m.startsAt)} по {fmtDateTime(m.endsAt)} (МСК)
            </List.Item>
            {m.form !== 'absentee' && <List.Item>Место проведения собрания: {m.place || '—'}</List.Item>}
            <List.Item>Инициаторы собрания: {m.initiators || '—'}</List.Item>
            <List.Item>Файлы: протокол (PDF) и его электронная подпись{m.protocol.scan ? `, скан «${m.protocol.scan.name}»` : ''}</List.Item>
          </List>
          <DocumentDownloads m={m} doc="protocol" />
          <Title order={3} size="h6">
            Загрузка файла протокола
          </Title>
          <Text size="sm">Прикрепите электронный образ протокола общего собрания, подписанный председателем и секретарём. {SCAN_KINDS_TEXT}; тип определяется по содержимому файла.</Text>
          {m.protocol.scan ? (
            <Group gap="xs">
              <Anchor href={scanUrl} size="sm">
                {m.protocol.scan.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {fmtBytes(m.protocol.scan.bytes)}
              </Text>
              {!locked && (
                <Button size="xs" variant="subtle" color="red" onClick={() => detach.mutate()} loading={detach.isPending}>
                  Удалить файл
                </Button>
              )}
            </Group>
          ) : null}
          {!locked && (
            <Group>
              <FileButton onChange={(f) => f && attach.mutate(f)} accept=".pdf,.rtf,.doc,.docx,.xls,.xlsx,.jpeg,.jpg,.tif,.tiff">
                {(props) => (
                  <Button {...props} variant="default" loading={attach.isPending} disabled={!m.protocol.ready}>
                    {m.protocol.scan ? 'Заменить файл' : 'Загрузить файл'}
                  </Button>
                )}
              </FileButton>
            </Group>
          )}
          {attach.error && fieldError(attach.error, 'file') ? <Alert color="red">{fieldError(attach.error, 'file')}</Alert> : <FormError error={attach.error} />}
          <FormError error={detach.error} />
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
