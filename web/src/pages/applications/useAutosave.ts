/**
 * Saving a field group of a draft as the user types (seed 002: drafts are
 * never lost).
 *
 * - Each change is kept in localStorage at once and sent after a short pause
 *   (PATCH with the version it was made on); a reload or a lost connection
 *   sends what was not saved yet when the page opens again.
 * - Saves of one application go one after another.
 * - 409 (another tab or person saved first): the application is read again;
 *   if this group is as it was when the user started editing it, the change
 *   is sent again on the new version (nothing of the other save is lost);
 *   otherwise both values are shown and the user chooses.
 * - A refusal (422) shows the field's message and keeps the input; a network
 *   failure or a 5xx retries in a few seconds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, ApiError } from '../../api/client';
import type { Application } from '../../api/types';
import { appKey } from './queries';

export type Group = 'general' | 'lines' | 'carriers';
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

interface Pending<T> {
  value: T;
  /** The server's value of the group when editing began. */
  base: T;
}

const chains = new Map<string, Promise<unknown>>();
function serialize<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const next = (chains.get(id) ?? Promise.resolve()).catch(() => undefined).then(fn);
  chains.set(id, next);
  return next;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const storageKey = (id: string, group: Group) => `ossig:application:${id}:${group}`;

function loadPending<T>(key: string): Pending<T> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Pending<T>) : null;
  } catch {
    return null;
  }
}

function persist<T>(key: string, p: Pending<T> | null) {
  try {
    if (p) localStorage.setItem(key, JSON.stringify(p));
    else localStorage.removeItem(key);
  } catch {
    // private mode or full storage: the server save still happens
  }
}

/** Groups with changes not saved yet, across the page (for the «leave the page?» prompt). */
const unsaved = new Set<string>();
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (unsaved.size) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
}

class GroupConflict<T> extends Error {
  constructor(readonly server: T) {
    super('conflict');
  }
}

export function useAutosave<T>(o: { app: Application; group: Group; read: (a: Application) => T; payload: (v: T) => unknown; delayMs?: number }) {
  const { app, group, read } = o;
  const qc = useQueryClient();
  const key = storageKey(app.id, group);
  const [pending, setPendingState] = useState<Pending<T> | null>(() => {
    const p = loadPending<T>(key);
    return p && !same(p.value, read(app)) ? p : null;
  });
  const [status, setStatus] = useState<SaveStatus>(() => (pending ? 'pending' : 'saved'));
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<T | null>(null);
  const ref = useRef(pending);
  const payload = useRef(o.payload);
  payload.current = o.payload;

  const setPending = useCallback(
    (p: Pending<T> | null) => {
      ref.current = p;
      setPendingState(p);
      persist(key, p);
      if (p) unsaved.add(key);
      else unsaved.delete(key);
    },
    [key],
  );

  const patch = (version: number, value: T) =>
    call(api.PATCH('/api/applications/{id}', { params: { path: { id: app.id } }, body: { version, [group]: payload.current(value) } as never }));

  const save = useCallback(
    async (p: Pending<T>) => {
      setStatus('saving');
      setError(null);
      try {
        const card = await serialize(app.id, async () => {
          const current = qc.getQueryData<Application>(appKey(app.id)) ?? app;
          try {
            return await patch(current.version, p.value);
          } catch (e) {
            if (!(e instanceof ApiError && e.code === 'version_conflict')) throw e;
            const fresh = await call(api.GET('/api/applications/{id}', { params: { path: { id: app.id } } }));
            qc.setQueryData(appKey(app.id), fresh);
            if (!same(read(fresh), p.base)) throw new GroupConflict(read(fresh));
            return await patch(fresh.version, p.value);
          }
        });
        qc.setQueryData(appKey(app.id), card);
        void qc.invalidateQueries({ queryKey: ['applications', 'history', app.id] });
        const now = ref.current;
        if (now && now !== p) {
          // Typed more while saving: that is the next save, on the saved value.
          setPending({ value: now.value, base: read(card) });
          setStatus('pending');
        } else {
          setPending(null);
          setStatus('saved');
        }
      } catch (e) {
        if (e instanceof GroupConflict) {
          setConflict(e.server as T);
          setStatus('conflict');
          return;
        }
        const err = e instanceof ApiError ? e : new ApiError(0, 'network', 'Нет связи с сервером', undefined);
        setError(err);
        setStatus('error');
        if (err.status === 0 || err.status >= 500) {
          // Keep trying: the change is kept meanwhile (here and in localStorage).
          setTimeout(() => {
            if (ref.current === p) void save(p);
          }, 4000);
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [app.id, group],
  );

  useEffect(() => {
    if (status !== 'pending' || !pending) return;
    const t = setTimeout(() => void save(pending), o.delayMs ?? 600);
    return () => clearTimeout(t);
  }, [pending, status, save, o.delayMs]);

  const serverValue = read(app);
  const value = pending ? pending.value : serverValue;

  return {
    value,
    status,
    error,
    conflict,
    /** A change by the user. */
    set(v: T) {
      const base = ref.current ? ref.current.base : serverValue;
      setPending({ value: v, base });
      setConflict(null);
      setStatus('pending');
    },
    /** After a conflict: keep this tab's value (saved over the other) or take the saved one. */
    resolve(keepMine: boolean) {
      const p = ref.current;
      if (!p || conflict === null) return;
      if (keepMine) {
        setPending({ value: p.value, base: conflict });
        setStatus('pending');
      } else {
        setPending(null);
        setStatus('saved');
      }
      setConflict(null);
    },
    /** The message for a field path under this group (`worksTo`, `[0].volume`…). */
    fieldError(path: string): string | undefined {
      return error?.fieldMessage(`${group}${path.startsWith('[') ? '' : '.'}${path}`) ?? (group !== 'general' && path === '' ? error?.fieldMessage(group) : undefined);
    },
  };
}

export type Autosave<T> = ReturnType<typeof useAutosave<T>>;
