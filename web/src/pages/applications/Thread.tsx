/** The thread with the operator's specialists: messages with files, unread marks, a reply form. */
import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, FileButton, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import type { Application } from '../../api/types';
import { fmtDateTime } from '../../lib/format';
import { appKey, useMessages } from './queries';
import { sendApplicationMessage } from '../../api/files';

export function Thread({ app, canWrite }: { app: Application; canWrite: boolean }) {
  const qc = useQueryClient();
  const open = app.firstSubmittedAt !== null;
  const messages = useMessages(app.id, open);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const marked = useRef(0);

  // Reading the thread marks it read.
  useEffect(() => {
    const d = messages.data;
    if (!d || d.unread === 0) return;
    const last = d.items[d.items.length - 1]?.id ?? 0;
    if (last <= marked.current) return;
    marked.current = last;
    void call(api.POST('/api/applications/{id}/messages/read', { params: { path: { id: app.id } }, body: { upToId: last } })).then(() => {
      void qc.invalidateQueries({ queryKey: appKey(app.id) });
      void qc.invalidateQueries({ queryKey: ['applications', 'mine'] });
      void qc.invalidateQueries({ queryKey: ['applications', 'queue'] });
    });
  }, [messages.data, app.id, qc]);

  if (!open) {
    return (
      <Card component="section" aria-label="Переписка">
        <Title order={2} size="h4" mb="xs">
          Переписка со специалистами
        </Title>
        <Text size="sm" c="dimmed">
          Переписка со специалистами информационного оператора открывается после подачи заявления.
        </Text>
      </Card>
    );
  }

  const post = async () => {
    setBusy(true);
    setError(null);
    try {
      await sendApplicationMessage(app.id, text, files);
      setText('');
      setFiles([]);
      await qc.invalidateQueries({ queryKey: ['applications', 'messages', app.id] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card component="section" aria-label="Переписка">
      <Title order={2} size="h4" mb="sm">
        Переписка со специалистами
      </Title>
      <Stack gap="sm" mb="md" role="log" aria-label="Сообщения">
        {messages.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            Сообщений пока нет
          </Text>
        )}
        {messages.data?.items.map((m) => (
          <Paper
            key={m.id}
            withBorder
            p="sm"
            bg={m.side === 'operator' ? 'blue.0' : undefined}
            ml={m.mine ? { base: 0, sm: 48 } : 0}
            mr={m.mine ? 0 : { base: 0, sm: 48 }}
            data-testid="message"
          >
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="xs" fw={600}>
                {m.side === 'operator' ? `Информационный оператор · ${m.author}` : m.author}
              </Text>
              <Group gap={6}>
                {m.unread && (
                  <Badge size="xs" color="red">
                    новое
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {fmtDateTime(m.createdAt)}
                </Text>
              </Group>
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.text}
            </Text>
            {m.files.map((f) => (
              <Anchor key={f.id} href={f.url} download={f.fileName} size="xs" display="block">
                Файл: {f.fileName}
              </Anchor>
            ))}
          </Paper>
        ))}
      </Stack>
      {canWrite && (
        <Stack gap="xs">
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Textarea label="Сообщение" autosize minRows={2} maxRows={8} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={10000} />
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <FileButton onChange={(f) => setFiles(f.slice(0, 5))} multiple accept=".pdf,.rtf,.doc,.docx,.xls,.xlsx,.jpeg,.jpg,.tif,.tiff">
                {(props) => (
                  <Button variant="default" size="xs" {...props}>
                    Приложить файлы
                  </Button>
                )}
              </FileButton>
              {files.length > 0 && (
                <Text size="xs" c="dimmed">
                  {files.map((f) => f.name).join(', ')}
                </Text>
              )}
            </Group>
            <Button onClick={() => void post()} loading={busy} disabled={!text.trim() && files.length === 0}>
              Отправить
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
