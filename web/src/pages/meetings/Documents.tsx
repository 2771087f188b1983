/** A meeting document (notice, ballots, protocol): its making's state, «Сформировать», downloads and the verification code. */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { apiHref } from '../../api/files';
import { FormError } from '../../components/forms';
import { meetingKey, type Meeting } from './queries';

export type MeetingDoc = keyof Meeting['documents'];

const NAMES: Record<MeetingDoc, string> = { notice: 'Сообщение', ballots: 'Бюллетени', protocol: 'Протокол' };

export function DocumentDownloads({ m, doc }: { m: Meeting; doc: MeetingDoc }) {
  const d = m.documents[doc];
  if (!d.ready) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button component="a" size="sm" href={apiHref('/api/meetings/{id}/documents/{doc}/{file}', { id: m.id, doc, file: 'pdf' })}>
          Скачать {NAMES[doc].toLowerCase()} (PDF)
        </Button>
        <Button component="a" size="sm" variant="default" href={apiHref('/api/meetings/{id}/documents/{doc}/{file}', { id: m.id, doc, file: 'sig' })}>
          Подпись (.sig)
        </Button>
        {doc === 'protocol' && m.protocol.docx && (
          <Button component="a" size="sm" variant="default" href={apiHref('/api/meetings/{id}/documents/{doc}/{file}', { id: m.id, doc, file: 'docx' })}>
            Скачать протокол (DOCX)
          </Button>
        )}
      </Group>
      {d.code && (
        <Text size="xs" c="dimmed">
          Код проверки{' '}
          <Anchor href={d.verifyUrl ?? undefined} size="xs" target="_blank">
            {d.code}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

/** `templateId`: for the notice, the organization's template whose filled text the PDF carries. */
export function DocumentBlock({ m, doc, orderLabel, disabled, templateId }: { m: Meeting; doc: 'notice' | 'ballots'; orderLabel: string; disabled?: boolean; templateId?: string | null }) {
  const qc = useQueryClient();
  const d = m.documents[doc];
  const order = useMutation({
    mutationFn: () => call(api.POST('/api/meetings/{id}/documents/{doc}', { params: { path: { id: m.id, doc } }, body: templateId ? { templateId } : {} })),
    onSuccess: (r) => qc.setQueryData(meetingKey(m.id), r),
  });
  return (
    <Stack gap="xs">
      <DocumentState m={m} doc={doc} />
      {m.status !== 'completed' && (
        <Group>
          <Button variant={d.ready ? 'default' : 'filled'} onClick={() => order.mutate()} loading={order.isPending || d.status === 'queued'} disabled={disabled}>
            {d.ready ? 'Сформировать заново' : orderLabel}
          </Button>
        </Group>
      )}
      <FormError error={order.error} />
      <DocumentDownloads m={m} doc={doc} />
    </Stack>
  );
}

export function DocumentState({ m, doc }: { m: Meeting; doc: MeetingDoc }) {
  const d = m.documents[doc];
  if (d.status === 'queued') return <Text size="sm" role="status">Документ формируется…</Text>;
  if (d.status === 'failed') return <Alert color="red">{d.error ?? 'Документ не удалось сформировать'}</Alert>;
  if (d.status === 'none' && d.code === null) return null;
  return null;
}
