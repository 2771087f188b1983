/** Stage 2: the register of owners — import from a table (with the per-row result), hand entry, and the check. */
import { useState } from 'react';
import { Alert, Button, Card, FileButton, Group, List, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage, fieldError } from '../../api/client';
import { sendMeetingFile, type RegisterImportAnswer } from '../../api/files';
import { ErrorAlert, Loading } from '../../components/PageState';
import { FormError } from '../../components/forms';
import { OWNER_KIND_LABELS, MEETING_OWNERSHIP_LABELS, PREMISE_KIND_LABELS, REGISTER_COLUMNS } from '../../lib/shared';
import { fmtArea, type Meeting } from './queries';
import { ImportOutcome, importsKey, RecentImports } from './RecentImports';

export function RegisterStage({ m }: { m: Meeting }) {
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const locked = m.stages[1].done || m.status === 'completed';
  const reg = useQuery({
    queryKey: ['meetings', m.id, 'register', page],
    queryFn: () => call(api.GET('/api/meetings/{id}/register', { params: { path: { id: m.id }, query: { page, pageSize: 50 } } })),
  });
  const [result, setResult] = useState<RegisterImportAnswer | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => sendMeetingFile(`/api/meetings/${encodeURIComponent(m.id)}/register/import`, file),
    onSuccess: (r) => {
      setResult(r as RegisterImportAnswer);
      void qc.invalidateQueries({ queryKey: ['meetings', m.id, 'register'] });
      void qc.invalidateQueries({ queryKey: importsKey(m.id, 'register') });
    },
  });
  const del = useMutation({
    mutationFn: (premiseId: string) => call(api.DELETE('/api/meetings/{id}/premises/{premiseId}', { params: { path: { id: m.id, premiseId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['meetings', m.id, 'register'] }),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return (
    <Stack>
      {!locked && (
        <Card withBorder component="section" aria-label="Загрузка реестра из файла">
          <Stack gap="xs">
            <Title order={2} size="h5">
              Загрузка из файла
            </Title>
            <Text size="sm" c="dimmed">
              XLSX или CSV, одна строка — один собственник. Столбцы: {REGISTER_COLUMNS.join(', ')}. Загрузка заменяет реестр собрания строками без ошибок; по остальным — причина в ответе и в файле результата.
            </Text>
            <Group>
              <Button component="a" variant="default" href="/api/meetings/register-template">
                Скачать шаблон
              </Button>
              <FileButton onChange={(f) => f && upload.mutate(f)} accept=".xlsx,.csv">
                {(props) => (
                  <Button {...props} loading={upload.isPending}>
                    Загрузить реестр
                  </Button>
                )}
              </FileButton>
            </Group>
            <FormError error={upload.error} />
            {upload.error && fieldError(upload.error, 'file') ? <Alert color="red">{fieldError(upload.error, 'file')}</Alert> : null}
            {result && (
              <ImportOutcome meetingId={m.id} kind="register" importId={result.id} title={`Строк: ${result.rows}; загружено: ${result.accepted}; отклонено: ${result.refused}`} refused={result.results.filter((r) => !r.accepted)} />
            )}
            <RecentImports meetingId={m.id} kind="register" />
          </Stack>
        </Card>
      )}
      {locked && <RecentImports meetingId={m.id} kind="register" order={2} />}
      {reg.isPending && <Loading label="Загрузка реестра…" />}
      {reg.isError && <ErrorAlert error={reg.error} />}
      {reg.data && (
        <Card withBorder component="section" aria-label="Реестр собственников">
          <Stack gap="xs">
            <Title order={2} size="h5">
              Реестр: помещений {reg.data.check.premises}, собственников {reg.data.check.owners}
            </Title>
            <Text size="sm">
              Площадь помещений в реестре {fmtArea(reg.data.check.registerArea)} м² · у дома {fmtArea(reg.data.check.houseArea)} м²
            </Text>
            {reg.data.check.errors.length > 0 ? (
              <Alert color="orange" title="Проверка реестра">
                <List size="sm">
                  {reg.data.check.errors.slice(0, 30).map((e) => (
                    <List.Item key={e}>{e}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : reg.data.check.premises > 0 ? (
              <Alert color="teal">Доли каждого помещения в сумме равны 1; площадь помещений совпадает с площадью дома.</Alert>
            ) : null}
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-label="Помещения и собственники">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Помещение</Table.Th>
                    <Table.Th>Площадь, м²</Table.Th>
                    <Table.Th>Собственники</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reg.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        № {p.number}
                        <Text size="xs" c="dimmed">
                          {PREMISE_KIND_LABELS[p.kind]}
                        </Text>
                      </Table.Td>
                      <Table.Td>{fmtArea(p.area)}</Table.Td>
                      <Table.Td>
                        {p.owners.map((o) => (
                          <Text key={o.id} size="sm">
                            {o.name} — {o.share} ({MEETING_OWNERSHIP_LABELS[o.ownership].toLowerCase()}, {OWNER_KIND_LABELS[o.ownerKind].toLowerCase()})
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        {!locked && (
                          <Button size="xs" variant="subtle" color="red" onClick={() => del.mutate(p.id)} aria-label={`Удалить помещение № ${p.number}`}>
                            Удалить
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {reg.data.total > 50 && <Pagination total={Math.ceil(reg.data.total / 50)} value={page} onChange={setPage} />}
          </Stack>
        </Card>
      )}
      {!locked && <PremiseForm meetingId={m.id} />}
    </Stack>
  );
}

type OwnerDraft = { name: string; ownerKind: 'person' | 'legal' | 'city'; ownership: 'sole' | 'shared' | 'joint'; share: string; inn: string };
const blankOwner = (): OwnerDraft => ({ name: '', ownerKind: 'person', ownership: 'sole', share: '1', inn: '' });

function PremiseForm({ meetingId }: { meetingId: string }) {
  const qc = useQueryClient();
  const [number, setNumber] = useState('');
  const [kind, setKind] = useState<'residential' | 'non_residential'>('residential');
  const [area, setArea] = useState('');
  const [owners, setOwners] = useState<OwnerDraft[]>([blankOwner()]);
  const add = useMutation({
    mutationFn: () =>
      call(api.POST('/api/meetings/{id}/premises', { params: { path: { id: meetingId } }, body: { number, kind, area, owners: owners.map((o) => ({ ...o, inn: o.inn || null })) } })),
    onSuccess: () => {
      setNumber('');
      setArea('');
      setOwners([blankOwner()]);
      void qc.invalidateQueries({ queryKey: ['meetings', meetingId, 'register'] });
    },
  });
  const setOwner = (i: number, patch: Partial<OwnerDraft>) => setOwners(owners.map((o, k) => (k === i ? { ...o, ...patch } : o)));
  return (
    <Card withBorder component="form" aria-label="Добавить помещение" onSubmit={(e) => (e.preventDefault(), add.mutate())}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          Добавить помещение вручную
        </Title>
        <Group grow wrap="wrap">
          <TextInput label="Номер помещения" value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={fieldError(add.error, 'number')} miw={140} />
          <Select label="Вид помещения" data={Object.entries(PREMISE_KIND_LABELS).map(([value, label]) => ({ value, label }))} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} miw={140} />
          <TextInput label="Площадь, м²" value={area} onChange={(e) => setArea(e.currentTarget.value)} error={fieldError(add.error, 'area')} miw={140} />
        </Group>
        {owners.map((o, i) => (
          <Group key={i} grow wrap="wrap" align="flex-start">
            <TextInput label={`Собственник ${i + 1}`} value={o.name} onChange={(e) => setOwner(i, { name: e.currentTarget.value })} error={fieldError(add.error, `owners.${i}.name`)} miw={200} />
            <Select label="Тип" data={Object.entries(OWNER_KIND_LABELS).map(([value, label]) => ({ value, label }))} value={o.ownerKind} onChange={(v) => v && setOwner(i, { ownerKind: v as OwnerDraft['ownerKind'] })} allowDeselect={false} miw={160} />
            <Select label="Вид собственности" data={Object.entries(MEETING_OWNERSHIP_LABELS).map(([value, label]) => ({ value, label }))} value={o.ownership} onChange={(v) => v && setOwner(i, { ownership: v as OwnerDraft['ownership'] })} allowDeselect={false} miw={160} />
            <TextInput label="Доля" value={o.share} onChange={(e) => setOwner(i, { share: e.currentTarget.value })} error={fieldError(add.error, `owners.${i}.share`)} miw={80} />
            <TextInput label="ИНН" value={o.inn} onChange={(e) => setOwner(i, { inn: e.currentTarget.value })} error={fieldError(add.error, `owners.${i}.inn`)} miw={120} />
          </Group>
        ))}
        {fieldError(add.error, 'owners') && !owners.some((_, i) => fieldError(add.error, `owners.${i}`)) ? <Alert color="red">{fieldError(add.error, 'owners')}</Alert> : null}
        <FormError error={add.error} />
        <Group>
          <Button variant="default" onClick={() => setOwners([...owners, { ...blankOwner(), ownership: 'shared', share: '' }])}>
            Ещё собственник
          </Button>
          <Button type="submit" loading={add.isPending}>
            Добавить помещение
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
