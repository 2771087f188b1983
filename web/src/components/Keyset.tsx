/**
 * Keyset paging in the cabinet (issue 13): the server answers a page and `nextCursor`; the page
 * keeps the cursors it came through, so «Назад» goes back and «Далее» goes on — no page numbers
 * to jump to, and a deep page costs what the first does. A total is shown as the server says:
 * exact, «≈ N» (an estimate) or «более N» (counted up to N).
 */
import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { fmtInt } from '../lib/format';

export interface ListTotal {
  value: number;
  exact: boolean;
  bound?: boolean;
}

export function fmtTotal(t: ListTotal): string {
  if (t.exact) return fmtInt(t.value);
  return t.bound ? `более ${fmtInt(t.value)}` : `≈ ${fmtInt(t.value)}`;
}

/** The cursors a list came through; `reset` when its filters change. */
export function useKeyset() {
  const [stack, setStack] = useState<string[]>([]);
  return {
    after: stack.length ? stack[stack.length - 1] : undefined,
    page: stack.length + 1,
    next: (cursor: string) => setStack((s) => [...s, cursor]),
    prev: () => setStack((s) => s.slice(0, -1)),
    reset: () => setStack([]),
  };
}

export function KeysetPager({
  keyset,
  nextCursor,
  label,
  inset = false,
}: {
  keyset: ReturnType<typeof useKeyset>;
  nextCursor: string | null | undefined;
  label: string;
  /** Inside the list's card (padded) rather than under it. */
  inset?: boolean;
}) {
  if (keyset.page === 1 && !nextCursor) return null;
  return (
    <Group component="nav" aria-label={label} justify="center" gap="sm" {...(inset ? { p: 'md' } : { mt: 'md' })}>
      <Button variant="default" size="sm" disabled={keyset.page === 1} onClick={keyset.prev}>
        Назад
      </Button>
      <Text size="sm" c="dimmed" aria-live="polite">
        Страница {keyset.page}
      </Text>
      <Button variant="default" size="sm" disabled={!nextCursor} onClick={() => nextCursor && keyset.next(nextCursor)}>
        Далее
      </Button>
    </Group>
  );
}
