/**
 * «Загрузки»: a carrier downloads the template, drops a file (XLSX or CSV, up
 * to 50 MB), sees it sent and processed, and gets the result file — a green
 * mark and «Скачать файл результатов» (seed 004). The journal lists every
 * upload with its counts and both files. The page may be left at any time:
 * processing goes on in the background.
 */
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { uploadTone as doneTone } from '../../lib/format';
import { Alert, Anchor, Badge, Button, Card, Group, List, Progress, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { ApiError, errorMessage } from '../../api/client';
import { apiHref, sendFile } from '../../api/files';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { KeysetPager, useKeyset } from '../../components/Keyset';
import { ListTable } from '../../components/ListTable';
import { fmtDateTime, fmtInt } from '../../lib/format';
import { isFinished, useUpload, useUploads, type Upload } from './queries';

const PAGE_SIZE = 20;
const MAX_BYTES = 50 * 1024 * 1024;
/** By type or by extension: browsers often give a CSV no type (or Excel's), and the server judges the content anyway. */
const ACCEPT = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'text/csv': ['.csv'],
  'application/vnd.ms-excel': ['.csv'],
  'text/plain': ['.csv', '.txt'],
};

const STATUS_COLOR: Record<Upload['status'], string> = {
  queued: 'gray',
  processing: 'blue',
  done: 'teal',
  refused: 'red',
  failed: 'red',
};


export function UploadsPage() {
  const [params, setParams] = useSearchParams();
  const current = params.get('id');
  return (
    <>
      <PageTitle
        subtitle="Рейсы файлом Excel или CSV: каждая строка проверяется, в файле результатов по каждой строке — «Принято» или «Отклонено» с причиной"
        right={
          <Button component="a" href={apiHref('/api/uploads/template')} variant="light">
            Скачать шаблон
          </Button>
        }
      >
        Загрузки
      </PageTitle>
      <Stack gap="lg">
        <UploadBox current={current} onUploaded={(id) => setParams({ id })} />
        <Journal current={current} onPick={(id) => setParams({ id })} />
      </Stack>
    </>
  );
}

function UploadBox({ current, onUploaded }: { current: string | null; onUploaded: (id: string) => void }) {
  const queryClient = useQueryClient();
  const [sending, setSending] = useState<{ name: string; share: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retryIn, setRetryIn] = useState<number | null>(null);
  /** «Already uploaded»: shown while that upload is the current one. */
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const send = async (file: File) => {
    setError(null);
    setNotice(null);
    setRetryIn(null);
    setSending({ name: file.name, share: 0 });
    try {
      const u = await sendFile('/api/uploads', file, (share) => setSending({ name: file.name, share }));
      setSending(null);
      if (u.repeated) setNotice({ id: u.id, text: u.message ?? 'Этот файл уже загружался; повторно ничего не записано' });
      queryClient.invalidateQueries({ queryKey: ['uploads'] });
      onUploaded(u.id);
    } catch (e) {
      setSending(null);
      if (e instanceof ApiError && e.status === 503) {
        // The deadline rush: come back when the server says, without the user doing anything.
        const seconds = e.retryAfter ?? 10;
        setRetryIn(seconds);
        setError(errorMessage(e));
        timer.current = setTimeout(() => void send(file), seconds * 1000);
        return;
      }
      setError(errorMessage(e));
    }
  };

  return (
    <Card>
      <Dropzone
        onDrop={(files) => files[0] && void send(files[0])}
        onReject={(r) =>
          setError(
            r[0]?.errors.some((e) => e.code === 'file-too-large')
              ? 'Файл: размер не должен превышать 50 МБ'
              : 'Файл: загрузите книгу Excel (XLSX) или CSV',
          )
        }
        maxSize={MAX_BYTES}
        maxFiles={1}
        accept={ACCEPT}
        loading={sending !== null}
        aria-label="Перетащите файл рейсов сюда или нажмите, чтобы выбрать"
        inputProps={{ 'aria-label': 'Файл рейсов (XLSX или CSV)' }}
        data-testid="upload-dropzone"
      >
        <Stack align="center" gap={4} py="xl" style={{ pointerEvents: 'none' }}>
          <Text size="lg" fw={500}>
            Перетащите файл рейсов сюда или нажмите, чтобы выбрать
          </Text>
          <Text size="sm" c="dimmed">
            XLSX или CSV (UTF-8 или Windows-1251), не более 50 МБ и 200 000 строк. Заполните шаблон — столбцы найдутся по заголовкам.
          </Text>
        </Stack>
      </Dropzone>
      {sending && (
        <Stack gap={4} mt="md">
          <Text size="sm">Отправка «{sending.name}»…</Text>
          <Progress value={sending.share * 100} aria-label="Отправка файла" />
        </Stack>
      )}
      {error && (
        <Alert color={retryIn ? 'yellow' : 'red'} mt="md" role="alert" title={retryIn ? 'Сервис перегружен' : 'Файл не загружен'}>
          {error}
          {retryIn ? ` Повторим отправку автоматически через ${retryIn} с.` : ''}
        </Alert>
      )}
      {notice && notice.id === current && (
        <Alert color="yellow" mt="md" title="Повторная загрузка" role="status">
          {notice.text}. Ниже — результат той загрузки.
        </Alert>
      )}
      {current && <CurrentUpload id={current} />}
    </Card>
  );
}

function CurrentUpload({ id }: { id: string }) {
  const u = useUpload(id);
  const queryClient = useQueryClient();
  const finished = u.data ? isFinished(u.data) : false;
  // The journal shows the same upload: refresh it the moment processing ends.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['uploads'] });
  }, [finished, queryClient]);
  if (u.isPending) return <Loading label="Загрузка состояния…" />;
  if (u.isError) return <ErrorAlert error={u.error} />;
  const x = u.data;
  return (
    <Stack component="section" gap="sm" mt="md" aria-live="polite" aria-label="Текущая загрузка">
      <Text fw={500}>«{x.fileName}»</Text>
      {!isFinished(x) && (
        <>
          <Text size="sm">
            {x.statusText}
            {x.totalRows ? `: ${fmtInt(x.processedRows)} из ${fmtInt(x.totalRows)} строк` : ''}. Страницу можно закрыть — результат появится в журнале загрузок.
          </Text>
          <Progress value={Math.round(x.progress * 100)} animated aria-label="Обработка файла" />
        </>
      )}
      {x.status === 'done' && (
        <Group gap="md" data-testid="upload-done" data-tone={doneTone(x).color}>
          <ThemeIcon color={doneTone(x).color} radius="xl" size="lg" aria-hidden>
            {doneTone(x).mark}
          </ThemeIcon>
          <Stack gap={0}>
            {x.rejected > 0 && (
              <Text fw={600} c={doneTone(x).color === 'red' ? 'red.8' : 'yellow.9'}>
                Файл {doneTone(x).label}
              </Text>
            )}
            <Text>
              Файл обработан: принято {fmtInt(x.accepted)}, отклонено {fmtInt(x.rejected)}
              {x.duplicates ? ` (из них повторов ${fmtInt(x.duplicates)})` : ''}.
            </Text>
            {x.rejected > 0 && (
              <Text size="sm" c="dimmed">
                Причины отклонения с названием столбца — в файле результатов; исправленные строки загрузите новым файлом.
              </Text>
            )}
          </Stack>
          {x.resultUrl && (
            <Button component="a" href={x.resultUrl} color={x.rejected > 0 ? 'ossig' : 'teal'}>
              Скачать файл результатов
            </Button>
          )}
        </Group>
      )}
      {x.status === 'refused' && (
        <Alert color="red" title="Файл не принят">
          <List size="sm">
            {x.problems.map((p, i) => (
              <List.Item key={i}>{p.message}</List.Item>
            ))}
          </List>
          {x.resultUrl && (
            <Anchor href={x.resultUrl} size="sm" display="inline-block" mt="xs">
              Скачать файл результатов
            </Anchor>
          )}
        </Alert>
      )}
      {x.status === 'failed' && (
        <Alert color="red" title="Ошибка обработки">
          {x.problems.map((p) => p.message).join(' ')}
        </Alert>
      )}
      {x.notes.length > 0 && (
        <Alert color="yellow" title="Замечания">
          <List size="sm">
            {x.notes.map((p, i) => (
              <List.Item key={i}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

function Journal({ current, onPick }: { current: string | null; onPick: (id: string) => void }) {
  const keyset = useKeyset();
  const list = useUploads(keyset.after, PAGE_SIZE);
  return (
    <Card padding={0}>
      <Title order={2} size="h4" p="md">
        Журнал загрузок
      </Title>
      {list.isPending && <Loading label="Загрузка журнала…" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Empty>Загрузок пока не было</Empty>}
      {list.data && list.data.items.length > 0 && (
        <ListTable
          minWidth={900}
          aria-label="Журнал загрузок"
          highlightOnHover
          columns={[
            'Дата',
            'Файл',
            { label: 'Строк в файле', num: true },
            { label: 'Принято', num: true },
            { label: 'Отклонено', num: true },
            'Статус',
            'Файлы',
          ]}
        >
          {list.data.items.map((u) => (
            <Table.Tr key={u.id} bg={u.id === current ? 'var(--mantine-color-blue-light)' : undefined}>
              <Table.Td className="ossig-nowrap">{fmtDateTime(u.createdAt)}</Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" onClick={() => onPick(u.id)}>
                  {u.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td className="ossig-num">{u.totalRows === null ? '—' : fmtInt(u.totalRows)}</Table.Td>
              <Table.Td className="ossig-num">{fmtInt(u.accepted)}</Table.Td>
              <Table.Td className="ossig-num">{fmtInt(u.rejected)}</Table.Td>
              <Table.Td>
                <Badge color={u.status === 'done' ? doneTone(u).color : STATUS_COLOR[u.status]} variant="light">
                  {u.status === 'processing' ? `${u.statusText} ${Math.round(u.progress * 100)}%` : u.status === 'done' ? doneTone(u).label : u.statusText}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Anchor href={u.originalUrl} size="sm">
                    Исходный
                  </Anchor>
                  {u.resultUrl && (
                    <Anchor href={u.resultUrl} size="sm">
                      Результат
                    </Anchor>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      {list.data && <KeysetPager keyset={keyset} nextCursor={list.data.nextCursor} label="Страницы журнала" inset />}
    </Card>
  );
}
