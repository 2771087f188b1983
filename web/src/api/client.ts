/**
 * The typed API client: openapi-fetch over the generated `paths`
 * (web/src/api/schema.d.ts, `npm run gen:api`), with the session cookie, and
 * problem+json answers turned into `ApiError`. Every call of the cabinet goes
 * through it (files: `sendFile` and `apiHref` in ./files.ts).
 *
 *   const sites = await call(api.GET('/api/sites', { params: { query: { pageSize: 50 } } }));
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type { paths };

/** The problem document (RFC 9457) as the server's OpenAPI document describes it. */
export type Problem = components['schemas']['Problem'];
/** Every code the server answers with (a closed union from the OpenAPI document). */
export type ProblemCode = Problem['code'];

export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });

export interface FieldError {
  /** Path of the field as the server names it: `siteId`, `permitIds`, `trips[3].plate`. */
  field: string;
  /** Russian message that names the field. */
  message: string;
}

/** An RFC 9457 problem+json answer (or a network failure) as an exception. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's problem code; `network` without an answer, `http_<status>` for an answer that is not a problem document. */
    readonly code: ProblemCode | 'network' | `http_${number}`,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
    /** Seconds to wait before trying again (a 503's Retry-After). */
    readonly retryAfter: number | null = null,
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }

  /** The messages for one field (matches `field`, `field.x` and `field[3]`). */
  fieldMessage(field: string): string | undefined {
    const hits = this.errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`));
    return hits.length ? hits.map((e) => e.message).join('; ') : undefined;
  }

  /** Field errors as `{ field: message }`, e.g. for Mantine's `form.setErrors`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) out[e.field] = out[e.field] ? `${out[e.field]}; ${e.message}` : e.message;
    return out;
  }

  static async fromResponse(response: Response, body?: unknown): Promise<ApiError> {
    let b = body;
    if (b === undefined) {
      try {
        const text = await response.text();
        b = text ? JSON.parse(text) : undefined;
      } catch {
        b = undefined;
      }
    }
    const p = (b && typeof b === 'object' ? b : {}) as Record<string, unknown>;
    const errors = Array.isArray(p.errors)
      ? (p.errors as unknown[]).flatMap((e) => {
          const o = e as Record<string, unknown>;
          return typeof o?.message === 'string' ? [{ field: String(o.field ?? ''), message: o.message }] : [];
        })
      : [];
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    return new ApiError(
      response.status,
      typeof p.code === 'string' ? (p.code as ProblemCode) : `http_${response.status}`,
      typeof p.title === 'string' ? p.title : statusTitle(response.status),
      typeof p.detail === 'string' ? p.detail : undefined,
      errors,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
}

function statusTitle(status: number): string {
  if (status === 401) return 'Требуется вход в систему';
  if (status === 403) return 'Недостаточно прав';
  if (status === 404) return 'Не найдено';
  if (status >= 500) return 'Сервис временно недоступен, повторите попытку позже';
  return 'Запрос не выполнен';
}

export const networkError = () => new ApiError(0, 'network', 'Нет связи с сервером. Проверьте подключение и повторите попытку', undefined);

/** Unwraps an openapi-fetch result: the data, or an `ApiError`. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await request;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw networkError();
  }
  if (!r.response.ok) throw await ApiError.fromResponse(r.response, r.error);
  return r.data as T;
}

/** A human message for any error a query or mutation may throw. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.detail ?? e.title;
  if (e instanceof Error) return e.message;
  return 'Произошла ошибка';
}

export const isNotFound = (e: unknown): boolean => e instanceof ApiError && e.status === 404;

/** The message the server gave for one field of a failed request (for a form field's `error`). */
export const fieldError = (e: unknown, field: string): string | undefined => (e instanceof ApiError ? e.fieldMessage(field) : undefined);

/** Whether the server named the fields at fault (then each field shows its own message). */
export const hasFieldErrors = (e: unknown): boolean => e instanceof ApiError && e.errors.length > 0;
