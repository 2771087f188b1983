/** «Последние загрузки» of a meeting's import (the register at stage 2, the owners' decisions at stage 4): each with its result file. */
import { Alert, Anchor, Card, Stack, Table, Text, Title, type TitleOrder } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { apiHref } from '../../api/files';
import { ListTable } from '../../components/ListTable';
import { ErrorAlert, Loading } from '../../components/PageState';
import { fmtDateTime, fmtInt } from '../../lib/format';

export type ImportKind = 'register' | 'votes';

export const importsKey = (meetingId: string, kind: ImportKind) => ['meetings', meetingId, 'imports', kind] as const;

function useImports(meetingId: string, kind: ImportKind) {
  return useQuery({
    queryKey: importsKey(meetingId, kind),
    queryFn: () =>
      kind === 'register'
        ? call(api.GET('/api/meetings/{id}/register/imports', { params: { path: { id: meetingId } } }))
        : call(api.GET('/api/meetings/{id}/votes/imports', { params: { path: { id: meetingId } } })),
  });
}

const resultHref = (kind: ImportKind, id: string, importId: string) =>
  kind === 'register'
    ? apiHref('/api/meetings/{id}/register/imports/{importId}/result', { id, importId })
    : apiHref('/api/meetings/{id}/votes/imports/{importId}/result', { id, importId });

/**
 * The latest 20 imports, newest first. Inside the upload's card (`order` 3) it says when there were none;
 * on its own (a closed stage, `order` 2) it shows nothing then.
 */
export function RecentImports({ meetingId, kind, order = 3 }: { meetingId: string; kind: ImportKind; order?: TitleOrder }) {
  const list = useImports(meetingId, kind);
  const alone = order === 2;
  if (alone && !list.data?.items.length) return null;
  const label = kind === 'register' ? 'Последние загрузки реестра' : 'Последние загрузки решений';
  const body = (
    <Stack gap={4}>
      <Title order={order} size="h6">
        Последние загрузки
      </Title>
      {list.isPending && <Loading label="Загрузка списка…" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          Загрузок пока не было
        </Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <ListTable
          minWidth={560}
          aria-label={label}
          verticalSpacing={4}
          columns={['Дата', 'Файл', { label: 'Строк', num: true }, { label: 'Принято', num: true }, { label: 'Отклонено', num: true }, 'Результат']}
        >
          {list.data.items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td className="ossig-nowrap">{fmtDateTime(i.createdAt)}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{i.fileName}</Table.Td>
              <Table.Td className="ossig-num">{fmtInt(i.rows)}</Table.Td>
              <Table.Td className="ossig-num">{fmtInt(i.accepted)}</Table.Td>
              <Table.Td className="ossig-num">{fmtInt(i.refused)}</Table.Td>
              <Table.Td className="ossig-nowrap">
                <Anchor href={resultHref(kind, meetingId, i.id)} size="sm" aria-label={`Файл результата загрузки «${i.fileName}» от ${fmtDateTime(i.createdAt)}`}>
                  Файл результата
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Stack>
  );
  return alone ? <Card withBorder>{body}</Card> : body;
}

/** The answer to an upload: its counts as the title, the first 20 refused rows' reasons and the link to the result file. */
export function ImportOutcome({ meetingId, kind, importId, title, refused }: { meetingId: string; kind: ImportKind; importId: string; title: string; refused: { row: number; errors: string[] }[] }) {
  return (
    <Alert color={refused.length ? 'orange' : 'teal'} title={title} role="status">
      <Stack gap={4}>
        {refused.slice(0, 20).map((r) => (
          <Text key={r.row} size="sm">
            {r.errors.join('; ')}
          </Text>
        ))}
        {refused.length > 20 && <Text size="sm">…и ещё {refused.length - 20} — все причины в файле результата.</Text>}
        <Anchor href={resultHref(kind, meetingId, importId)} size="sm">
          Скачать файл результата
        </Anchor>
      </Stack>
    </Alert>
  );
}
