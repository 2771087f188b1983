/**
 * One pass over the rows for two writers: `tee(source, 2)` gives iterables
 * that see the same batches in order. The source is read once; a consumer
 * may run at most `lead` batches ahead of the slowest, so memory is bounded.
 */
export function tee<T>(source: AsyncIterable<T>, consumers: number, lead = 2): AsyncIterable<T>[] {
  const it = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let base = 0; // index of buffer[0]
  let done = false;
  let failure: unknown = null;
  let fetching: Promise<void> | null = null;
  const positions = new Array<number>(consumers).fill(0);
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());

  const fetchNext = (): Promise<void> => {
    fetching ??= (async () => {
      try {
        const r = await it.next();
        if (r.done) done = true;
        else buffer.push(r.value);
      } catch (e) {
        failure = e;
        done = true;
      } finally {
        fetching = null;
        wake();
      }
    })();
    return fetching;
  };

  const trim = () => {
    const min = Math.min(...positions);
    while (base < min && buffer.length) {
      buffer.shift();
      base++;
    }
    wake();
  };

  const make = (k: number): AsyncIterable<T> => ({
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<T>> {
        for (;;) {
          const pos = positions[k];
          if (pos < base + buffer.length) {
            const value = buffer[pos - base];
            positions[k] = pos + 1;
            trim();
            return { value, done: false };
          }
          if (failure) throw failure;
          if (done) return { value: undefined, done: true };
          if (pos - Math.min(...positions) >= lead) {
            await new Promise<void>((r) => waiters.push(r));
            continue;
          }
          await fetchNext();
        }
      },
      async return(): Promise<IteratorResult<T>> {
        positions[k] = Number.MAX_SAFE_INTEGER;
        trim();
        if (positions.every((p) => p === Number.MAX_SAFE_INTEGER) && !done) {
          done = true;
          await fetching;
          await it.return?.();
        }
        return { value: undefined, done: true };
      },
    }),
  });
  return Array.from({ length: consumers }, (_, k) => make(k));
}
