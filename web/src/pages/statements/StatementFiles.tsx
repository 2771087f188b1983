/** Download links of a statement's files and their detached signatures (.sig, CAdES). */
import { Button, Group } from '@mantine/core';
import { apiHref } from '../../api/files';
import type { StatementFile, StatementFileKind } from '../../api/types';
import { fmtBytes } from '../../lib/format';

const FILES: Array<{ kind: StatementFileKind; label: string; sig: boolean }> = [
  { kind: 'pdf', label: 'PDF', sig: false },
  { kind: 'pdf.sig', label: 'подпись PDF', sig: true },
  { kind: 'xlsx', label: 'XLSX', sig: false },
  { kind: 'xlsx.sig', label: 'подпись XLSX', sig: true },
];

export function StatementFiles({
  id,
  number,
  files,
  size = 'sm',
}: {
  id: string;
  number?: string | null;
  /** The files the server lists (null/undefined: offer all four). */
  files?: readonly StatementFile[] | null;
  size?: 'xs' | 'sm';
}) {
  const what = number ? `сведений № ${number}` : 'сведений';
  const shown = files ? FILES.filter((f) => files.some((x) => x.kind === f.kind)) : FILES;
  return (
    <Group gap={size === 'xs' ? 4 : 'xs'}>
      {shown.map((f) => {
        const meta = files?.find((x) => x.kind === f.kind);
        return (
          <Button
            key={f.kind}
            component="a"
            href={meta?.url ?? apiHref('/api/statements/{id}/files/{kind}', { id, kind: f.kind })}
            download={meta?.fileName ?? true}
            title={meta ? `${meta.fileName} — ${fmtBytes(meta.bytes)}` : undefined}
            size={size === 'xs' ? 'compact-xs' : 'xs'}
            variant={f.sig ? 'subtle' : 'light'}
            color={f.sig ? 'gray' : undefined}
            aria-label={`Скачать ${f.label} ${what}`}
          >
            {f.label}
          </Button>
        );
      })}
    </Group>
  );
}
