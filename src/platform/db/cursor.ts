/**
 * Large reads through a server-side cursor (pg-query-stream), safe against a
 * lost connection. pg-query-stream alone never ends when the connection dies
 * between two reads: the client emits 'error', and destroying the stream
 * waits for the server's ReadyForQuery, which never comes. So every read
 * races the client's error, and the reader gets the error.
 */
import type pg from 'pg';
import QueryStream from 'pg-query-stream';

export async function* streamQuery<R>(
  client: pg.PoolClient,
  text: string,
  values: unknown[],
  opts: { batchSize: number; rowMode?: 'array' },
): AsyncGenerator<R> {
  let onError!: (e: Error) => void;
  const lost = new Promise<never>((_, reject) => {
    onError = (e: Error) => reject(e);
  });
  lost.catch(() => {});
  client.once('error', onError);
  const stream = client.query(new QueryStream(text, values, opts));
  const it = (stream as AsyncIterable<R>)[Symbol.asyncIterator]();
  let failed = false;
  try {
    for (;;) {
      const r = await Promise.race([it.next(), lost]);
      if (r.done) return;
      yield r.value;
    }
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    client.removeListener('error', onError);
    // On a live connection close the cursor; a dead one is discarded by releaseClient.
    if (!failed) await it.return?.();
  }
}

/** Releases a client after a streaming read; a client that failed is discarded, not reused. */
export function releaseClient(client: pg.PoolClient, failure: unknown): void {
  client.release(failure instanceof Error ? failure : failure ? new Error(String(failure)) : undefined);
}
