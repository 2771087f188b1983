/**
 * The typed API client: openapi-fetch over the generated `paths`
 * (web/src/api/schema.d.ts, `npm run gen:api`), with the session cookie, and
 * problem+json answers turned into `ApiError`.
 *
 *   const sites = await call(api.GET('/api/sites', { params: { query: { page: 1 } } }));
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export type { paths };

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
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
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
    return new ApiError(
      response.status,
      typeof p.code === 'string' ? p.code : `http_${response.status}`,
      typeof p.title === 'string' ? p.title : statusTitle(response.status),
      typeof p.detail === 'string' ? p.detail : undefined,
      errors,
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

/**
 * A request to a route that the generated schema does not know yet (a feature
 * being built in parallel). Same cookie and error handling as `call`.
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'include',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A human message for any error a query or mutation may throw. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.detail ?? e.title;
  if (e instanceof Error) return e.message;
  return 'Произошла ошибка';
}

export const isNotFound = (e: unknown): boolean => e instanceof ApiError && e.status === 404;
