/**
 * Lists loaded page by page with «Показать ещё» (keyset pages: the server answers `items` and `nextCursor`):
 * the query, and the card that shows loading, an error, an empty list or the rows, with the button under it.
 */
import type { ReactNode } from 'react';
import { Button, Card, Group } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Empty, ErrorAlert, Loading } from './PageState';

/** The infinite query over a keyset list: `load(after)` fetches the page after the cursor (undefined — the first). */
export function useKeysetPages<P extends { nextCursor: string | null }>(queryKey: unknown[], load: (after: string | undefined) => Promise<P>, enabled = true) {
  return useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) => load(pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface PagedQuery<T> extends MorePages {
  data?: { pages: Array<{ items: T[] }> };
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** «Показать ещё» under a list while the server has a next page. */
export function ShowMore({ q, variant = 'light' }: { q: MorePages; variant?: 'light' | 'default' }) {
  if (!q.hasNextPage) return null;
  return (
    <Group justify="center" mt="md">
      <Button variant={variant} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
        Показать ещё
      </Button>
    </Group>
  );
}

/** A keyset list in a card: «loading» while the first page comes, the error, `empty` when there is nothing, else the rows; «Показать ещё» under it. */
export function MoreList<T>({ q, loading, empty, children }: { q: PagedQuery<T>; loading: string; empty: ReactNode; children: (items: T[]) => ReactNode }) {
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Card padding={0}>
        {q.isPending && <Loading label={loading} />}
        {q.isError && <ErrorAlert error={q.error} />}
        {q.data && items.length === 0 && <Empty>{empty}</Empty>}
        {items.length > 0 && children(items)}
      </Card>
      <ShowMore q={q} />
    </>
  );
}
