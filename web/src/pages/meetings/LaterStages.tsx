/** Stages 3–5: ballots (PDF), counting votes (entry and the live count), the protocol. Stage 6 is GisStage.tsx. */
import { useState } from 'react';
import { Alert, Badge, Button, Card, FileButton, Group, Pagination, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, fieldError } from '../../api/client';
import { apiHref, sendMeetingFile, type VotesImportAnswer } from '../../api/files';
import { ErrorAlert, Loading } from '../../components/PageState';
import { FormError } from '../../components/forms';
import { fmtDateTime } from '../../lib/format';
import { CHOICE_LABELS, MAJORITY_RULES, VOTE_COLUMNS, VOTE_IMPORT_RULES } from '../../lib/shared';
import { fmtArea, meetingKey, type Meeting } from './queries';
import { ImportOutcome, importsKey, RecentImports } from './RecentImports';
import { DocumentBlock, DocumentDownloads, DocumentState } from './Documents';
import type { Ok } from '../../api/types';


type Choice = 'for' | 'against' | 'abstain';
type BallotRow = Ok<'/api/meetings/{id}/ballots', 'get'>['items'][number];
const pct = (v: string) => `${v.replace('.', ',')} %`;

export function BallotsStage({ m }: { m: Meeting }) {
  return (
    <Card withBorder component="section" aria-label="Бюллетени">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Бюллетени (решения собственников)
        </Title>
        <Text size="sm">Один бюллетень на каждого собственника из реестра: его помещение, площадь, доля, число голосов и вопросы повестки дня с вариантами «За», «Против», «Воздержался». PDF для печати, с кодом проверки.</Text>
        <DocumentBlock m={m} doc="ballots" orderLabel="Сформировать бюллетени (PDF)" />
      </Stack>
    </Card>
  );
}

const countKey = (id: string) => ['meetings', id, 'count'] as const;

export function CountingStage({ m }: { m: Meeting }) {
  const locked = m.stages[3].done || m.status === 'completed';
  return (
    <Stack>
      <LiveCount m={m} />
      {!locked && <VotesImport m={m} />}
      {locked && <RecentImports meetingId={m.id} kind="votes" order={2} />}
      <BallotEntry m={m} locked={locked} />
    </Stack>
  );
}

export function LiveCount({ m }: { m: Meeting }) {
  const count = useQuery({ queryKey: countKey(m.id), queryFn: () => call(api.GET('/api/meetings/{id}/count', { params: { path: { id: m.id } } })) });
  if (count.isPending) return <Loading label="Подсчёт голосов…" />;
  if (count.isError) return <ErrorAlert error={count.error} />;
  const c = count.data;
  return (
    <Card withBorder component="section" aria-label="Итоги голосования">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h5">
            Итоги голосования
          </Title>
          <Badge color={c.quorum ? 'teal' : 'orange'}>{c.quorum ? 'Кворум есть' : 'Кворума нет'}</Badge>
        </Group>
        <Text size="sm" role="status">
          Приняли участие {c.participants} из {c.owners} собственников: {fmtArea(c.participatingVotes)} из {fmtArea(c.totalVotes)} голосов (м²) — {pct(c.participatingPercent)}. Кворум — более 50 % всех голосов.
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Результаты по вопросам">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Вопрос</Table.Th>
                <Table.Th>За</Table.Th>
                <Table.Th>Против</Table.Th>
                <Table.Th>Воздержались</Table.Th>
                <Table.Th>Решение</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    {i.position}. {i.title}
                    <Text size="xs" c="dimmed">
                      {MAJORITY_RULES[i.majority].label}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {fmtArea(i.for)} ({pct(i.forPercent)})
                  </Table.Td>
                  <Table.Td>
                    {fmtArea(i.against)} ({pct(i.againstPercent)})
                  </Table.Td>
                  <Table.Td>
                    {fmtArea(i.abstain)} ({pct(i.abstainPercent)})
                  </Table.Td>
                  <Table.Td>
                    <Badge color={i.accepted ? 'teal' : 'gray'}>{i.accepted ? 'Решение принято' : 'Решение не принято'}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}

/** Decisions from a file: the template of every owner with a column per item, the upload, its summary and result file. */
function VotesImport({ m }: { m: Meeting }) {
  const qc = useQueryClient();
  const [result, setResult] = useState<VotesImportAnswer | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => sendMeetingFile(`/api/meetings/${encodeURIComponent(m.id)}/votes/import`, file),
    onSuccess: (r) => {
      setResult(r as VotesImportAnswer);
      void qc.invalidateQueries({ queryKey: ['meetings', m.id, 'ballots'] });
      void qc.invalidateQueries({ queryKey: countKey(m.id) });
      void qc.invalidateQueries({ queryKey: importsKey(m.id, 'votes') });
    },
  });
  const refused = result?.results.filter((r) => r.status === 'refused') ?? [];
  return (
    <Card withBorder component="section" aria-label="Загрузка решений из файла">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Загрузка решений из файла
        </Title>
        <Text size="sm" c="dimmed">
          Скачайте файл решений: в нём каждый собственник из реестра — строка ({VOTE_COLUMNS.join(', ')}), каждый вопрос повестки дня — столбец «Вопрос N». Впишите с бумажных бюллетеней «за», «против» или «воздержался»; пустая ячейка — решения по вопросу нет. Загрузите файл (XLSX или CSV) — каждое решение проверяется так же, как внесённое вручную. {VOTE_IMPORT_RULES}
        </Text>
        <Group>
          <Button component="a" variant="default" href={apiHref('/api/meetings/{id}/votes/template', { id: m.id })}>
            Скачать файл решений
          </Button>
          <FileButton onChange={(f) => f && upload.mutate(f)} accept=".xlsx,.csv">
            {(props) => (
              <Button {...props} loading={upload.isPending}>
                Загрузить решения
              </Button>
            )}
          </FileButton>
        </Group>
        <FormError error={upload.error} />
        {upload.error && fieldError(upload.error, 'file') ? <Alert color="red">{fieldError(upload.error, 'file')}</Alert> : null}
        {result && <ImportOutcome meetingId={m.id} kind="votes" importId={result.id} title={`Строк: ${result.rows}; внесено: ${result.recorded}; заменено: ${result.replaced}; без изменений: ${result.unchanged}; без решений: ${result.skipped}; отклонено: ${result.refused}`} refused={refused} />}
        <RecentImports meetingId={m.id} kind="votes" />
      </Stack>
    </Card>
  );
}

function BallotEntry({ m, locked }: { m: Meeting; locked: boolean }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const ballots = useQuery({
    queryKey: ['meetings', m.id, 'ballots', q, page],
    queryFn: () => call(api.GET('/api/meetings/{id}/ballots', { params: { path: { id: m.id }, query: { q: q || undefined, page, pageSize: 20 } } })),
  });
  return (
    <Card withBorder component="section" aria-label="Решения собственников">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Решения собственников
        </Title>
        <Text size="sm" c="dimmed">
          Найдите собственника по номеру помещения или имени и внесите его решение с бумажного бюллетеня. Голосуют только собственники из реестра, каждый один раз; ошибку ввода исправляют кнопкой «Исправить».
        </Text>
        <TextInput
          label="Помещение или собственник"
          placeholder="Например, 12 или Иванов"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          maw={420}
        />
        {ballots.isPending && <Loading label="Загрузка собственников…" />}
        {ballots.isError && <ErrorAlert error={ballots.error} />}
        {ballots.data && (
          <Stack gap="xs">
            <Text size="sm">Найдено: {ballots.data.total}</Text>
            {ballots.data.items.map((o) => (
              <OwnerBallot key={o.ownerId} m={m} o={o} locked={locked} open={open === o.ownerId} setOpen={(v) => setOpen(v ? o.ownerId : null)} />
            ))}
            {ballots.data.total > 20 && <Pagination total={Math.ceil(ballots.data.total / 20)} value={page} onChange={setPage} size="sm" />}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function OwnerBallot({ m, o, locked, open, setOpen }: { m: Meeting; o: BallotRow; locked: boolean; open: boolean; setOpen: (v: boolean) => void }) {
  const qc = useQueryClient();
  const [choices, setChoices] = useState<Record<string, Choice>>(o.choices);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['meetings', m.id, 'ballots'] });
    void qc.invalidateQueries({ queryKey: countKey(m.id) });
  };
  const save = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/meetings/{id}/ballots', {
          params: { path: { id: m.id } },
          body: { ownerId: o.ownerId, choices: Object.entries(choices).map(([itemId, choice]) => ({ itemId, choice })), replace: o.voted },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: () => call(api.DELETE('/api/meetings/{id}/ballots/{ownerId}', { params: { path: { id: m.id, ownerId: o.ownerId } } })),
    onSuccess: refresh,
  });
  return (
    <Card withBorder padding="sm" component="article" aria-label={`Собственник ${o.name}, помещение № ${o.premise}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm">
              {o.name}
            </Text>
            <Text size="xs" c="dimmed">
              Помещение № {o.premise}, {fmtArea(o.area)} м², доля {o.share} — {fmtArea(o.votes)} голосов
            </Text>
          </Stack>
          <Badge color={o.voted ? 'teal' : 'gray'}>{o.voted ? `Решение внесено ${o.votedAt ? fmtDateTime(o.votedAt) : ''}` : 'Решения нет'}</Badge>
        </Group>
        {o.voted && !open && (
          <Text size="xs">
            {m.items.map((i) => `${i.position}: ${o.choices[i.id] ? CHOICE_LABELS[o.choices[i.id]!] : '—'}`).join(' · ')}
          </Text>
        )}
        {!locked && !open && (
          <Group gap="xs">
            <Button size="xs" variant={o.voted ? 'default' : 'filled'} onClick={() => setOpen(true)}>
              {o.voted ? 'Исправить' : 'Внести решение'}
            </Button>
            {o.voted && (
              <Button size="xs" variant="subtle" color="red" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
                Отменить решение
              </Button>
            )}
          </Group>
        )}
        {open && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="xs">
              {m.items.map((i) => (
                <Radio.Group key={i.id} label={`${i.position}. ${i.title}`} value={choices[i.id] ?? ''} onChange={(v) => setChoices({ ...choices, [i.id]: v as Choice })}>
                  <Group gap="md" mt={4}>
                    <Radio value="for" label={CHOICE_LABELS.for} />
                    <Radio value="against" label={CHOICE_LABELS.against} />
                    <Radio value="abstain" label={CHOICE_LABELS.abstain} />
                  </Group>
                </Radio.Group>
              ))}
              {fieldError(save.error, 'ownerId') ? <Alert color="red">{fieldError(save.error, 'ownerId')}</Alert> : <FormError error={save.error} />}
              <Group gap="xs">
                <Button type="submit" size="xs" loading={save.isPending}>
                  Сохранить решение
                </Button>
                <Button size="xs" variant="default" onClick={() => setOpen(false)}>
                  Отмена
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <FormError error={withdraw.error} />
      </Stack>
    </Card>
  );
}

export function ProtocolStage({ m }: { m: Meeting }) {
  const qc = useQueryClient();
  const locked = m.stages[4].done || m.status === 'completed' || m.gis.status === 'sending' || m.gis.status === 'loaded';
  const [chair, setChair] = useState(m.protocol.chair);
  const [secretary, setSecretary] = useState(m.protocol.secretary);
  const [counters, setCounters] = useState(m.protocol.counters);
  const order = useMutation({
    mutationFn: () => call(api.POST('/api/meetings/{id}/protocol', { params: { path: { id: m.id } }, body: { chair, secretary, counters } })),
    onSuccess: (r) => qc.setQueryData(meetingKey(m.id), r),
  });
  return (
    <Stack>
      <LiveCount m={m} />
      <Card withBorder component="section" aria-label="Протокол">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            order.mutate();
          }}
        >
          <Stack gap="xs">
            <Title order={2} size="h5">
              Протокол общего собрания{m.protocol.number ? ` № ${m.protocol.number}` : ''}
            </Title>
            <Text size="sm" c="dimmed">
              По требованиям приказа Минстроя России № 44/пр: реквизиты собрания, кворум, результаты по каждому вопросу, приложение — реестр принявших участие. PDF подписывается электронной подписью оператора и проверяется по QR-коду; DOCX с тем же текстом — чтобы распечатать, подписать и приложить скан на этапе 6.
            </Text>
            <TextInput label="Председатель собрания" value={chair} onChange={(e) => setChair(e.currentTarget.value)} error={fieldError(order.error, 'chair')} disabled={locked} withAsterisk />
            <TextInput label="Секретарь собрания" value={secretary} onChange={(e) => setSecretary(e.currentTarget.value)} error={fieldError(order.error, 'secretary')} disabled={locked} withAsterisk />
            <TextInput label="Лица, проводившие подсчёт голосов" value={counters} onChange={(e) => setCounters(e.currentTarget.value)} error={fieldError(order.error, 'counters')} disabled={locked} />
            <DocumentState m={m} doc="protocol" />
            {!locked && (
              <Group>
                <Button type="submit" loading={order.isPending || m.documents.protocol.status === 'queued'} variant={m.documents.protocol.ready ? 'default' : 'filled'}>
                  {m.documents.protocol.ready ? 'Сформировать протокол заново' : 'Сформировать протокол'}
                </Button>
              </Group>
            )}
            {order.error && !fieldError(order.error, 'chair') && !fieldError(order.error, 'secretary') ? <FormError error={order.error} /> : null}
            <DocumentDownloads m={m} doc="protocol" />
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
