/** The application's documents: upload by kind (type judged by the server from content), list, download, remove. */
import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Card, FileButton, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { ListTable } from '../../components/ListTable';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import { sendApplicationFile, type ApplicationFileKind } from '../../api/files';
import type { Application } from '../../api/types';
import { fmtBytes, fmtDateTime } from '../../lib/format';
import { appKey, useReference } from './queries';

const ACCEPT = '.pdf,.rtf,.doc,.docx,.xls,.xlsx,.jpeg,.jpg,.tif,.tiff';
const MAX = 50 * 1024 * 1024;


export function Files({ app }: { app: Application }) {
  const qc = useQueryClient();
  const ref = useReference();
  const [kind, setKind] = useState<string | null>('regulation');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reset = useRef<() => void>(null);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: appKey(app.id) }), qc.invalidateQueries({ queryKey: ['applications', 'history', app.id] })]);

  const upload = async (file: File | null) => {
    reset.current?.();
    if (!file || !kind) return;
    setError(null);
    if (file.size > MAX) {
      setError(`Файл «${file.name}»: размер не должен превышать 50 МБ`);
      return;
    }
    setBusy(true);
    try {
      await sendApplicationFile(app.id, kind as ApplicationFileKind, file);
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await call(api.DELETE('/api/applications/{id}/files/{fileId}', { params: { path: { id: app.id, fileId: id } } }));
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const kinds = ref.data?.attachmentKinds ?? [];
  return (
    <Card component="section" aria-label="Документы">
      <Title order={2} size="h4" mb="sm">
        Документы
      </Title>
      {app.editable && (
        <Stack gap="xs" mb="md">
          <Text size="sm" c="dimmed">
            Размер файла не должен превышать 50 МБ. Допустимые форматы файлов: PDF, RTF, DOC, DOCX, XLS, XLSX, JPEG, JPG, TIFF.
          </Text>
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label="Вид документа"
              data={kinds.map((k) => ({ value: k.code, label: `${k.label}${k.requiredForPermit && app.kind === 'permit' ? ' (обязательно)' : ''}` }))}
              value={kind ?? 'regulation'}
              onChange={(e) => setKind(e.currentTarget.value)}
              w={{ base: '100%', sm: 320 }}
            />
            <FileButton onChange={(f) => void upload(f)} accept={ACCEPT} resetRef={reset}>
              {(props) => (
                <Button {...props} loading={busy} disabled={!kind}>
                  Загрузить файл
                </Button>
              )}
            </FileButton>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      {app.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          Файлов нет
        </Text>
      ) : (
        <ListTable minWidth={520} columns={['Документ', 'Файл', { label: 'Размер', num: true }, 'Загружен', ...(app.editable ? [''] : [])]}>
          {app.files.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{f.kindLabel}</Table.Td>
              <Table.Td>
                <Anchor href={f.url} download={f.fileName} size="sm">
                  {f.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td className="ossig-num">{fmtBytes(f.sizeBytes)}</Table.Td>
              <Table.Td>
                <Text size="xs">{fmtDateTime(f.uploadedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {f.uploadedBy}
                </Text>
              </Table.Td>
              {app.editable && (
                <Table.Td>
                  <Anchor component="button" type="button" c="red" size="sm" onClick={() => void remove(f.id)} aria-label={`Удалить файл ${f.fileName}`}>
                    Удалить
                  </Anchor>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Card>
  );
}

