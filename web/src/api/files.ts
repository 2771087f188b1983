/**
 * Files through the API, typed from the generated `paths` like every other
 * call: sending a file with transfer progress (fetch has none, so
 * XMLHttpRequest) and the address of a file to download.
 */
import { ApiError, networkError, type paths } from './client';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The routes that take a file (multipart field «file») by POST. */
export type FilePath = '/api/uploads' | '/api/receipts/upload';

/** The JSON body of a file route's success answer (200 or 202). */
export type FileAnswer<P extends FilePath> = paths[P]['post'] extends { responses: infer R }
  ? R extends { 202: infer A }
    ? Json<A>
    : R extends { 200: infer A }
      ? Json<A>
      : never
  : never;

/** Sends a file (multipart field «file»), reporting the share sent; fails with `ApiError` like `call`. */
export function sendFile<P extends FilePath>(path: P, file: File, onProgress: (share: number) => void = () => {}): Promise<FileAnswer<P>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(networkError());
    xhr.onload = async () => {
      const headers = new Headers({ 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' });
      const retryAfter = xhr.getResponseHeader('retry-after');
      if (retryAfter) headers.set('retry-after', retryAfter);
      const response = new Response(xhr.responseText, { status: xhr.status, headers });
      if (!response.ok) return reject(await ApiError.fromResponse(response));
      resolve((await response.json()) as FileAnswer<P>);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The routes that answer a GET with a file or a redirect (links, not JSON). */
export type HrefPath = '/api/statements/{id}/files/{kind}' | '/api/uploads/template' | '/api/auth/oidc/start';

type PathParams<P extends HrefPath> = paths[P]['get'] extends { parameters: { path: infer A } } ? A : never;

/** The address of a file route, with its path parameters filled in: `apiHref('/api/statements/{id}/files/{kind}', { id, kind: 'pdf' })`. */
export function apiHref<P extends HrefPath>(path: P, ...params: PathParams<P> extends never | undefined ? [] : [PathParams<P>]): string {
  const values = (params[0] ?? {}) as Record<string, string>;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}
