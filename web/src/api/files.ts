/**
 * Files through the API, typed from the generated `paths` like every other
 * call: sending a file with transfer progress (fetch has none, so
 * XMLHttpRequest) and the address of a file to download.
 */
import { ApiError, networkError, type paths } from './client';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The routes that take a file (multipart field «file») by POST. */
export type FilePath = '/api/uploads' | '/api/receipts/upload' | '/api/payments/bank-statement';

/** The JSON body of a file route's success answer (200 or 202). */
export type FileAnswer<P extends FilePath> = paths[P]['post'] extends { responses: infer R }
  ? R extends { 202: infer A }
    ? Json<A>
    : R extends { 200: infer A }
      ? Json<A>
      : never
  : never;

/** Posts a form (multipart) to a route, reporting the share sent; fails with `ApiError` like `call`. */
function postForm<T>(url: string, form: FormData, onProgress: (share: number) => void = () => {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
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
      resolve((await response.json()) as T);
    };
    xhr.send(form);
  });
}

/** Sends a file (multipart field «file»), reporting the share sent; fails with `ApiError` like `call`. */
export function sendFile<P extends FilePath>(path: P, file: File, onProgress: (share: number) => void = () => {}): Promise<FileAnswer<P>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<FileAnswer<P>>(path, form, onProgress);
}

type ApplicationFilesPost = paths['/api/applications/{id}/files']['post'];
/** The kinds of documents an application takes. */
export type ApplicationFileKind = ApplicationFilesPost['parameters']['query']['kind'];

/** Attaches a document to a permit application (`POST /api/applications/{id}/files?kind=…`). */
export function sendApplicationFile(id: string, kind: ApplicationFileKind, file: File, onProgress?: (share: number) => void) {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<Json<ApplicationFilesPost['responses'][201]>>(`/api/applications/${encodeURIComponent(id)}/files?kind=${encodeURIComponent(kind)}`, form, onProgress);
}

/** A message with files in the thread of an application (`POST /api/applications/{id}/messages`: «text» and up to 5 «file»). */
export function sendApplicationMessage(id: string, text: string, files: File[]) {
  const form = new FormData();
  form.append('text', text);
  for (const f of files) form.append('file', f, f.name);
  return postForm<Json<paths['/api/applications/{id}/messages']['post']['responses'][201]>>(`/api/applications/${encodeURIComponent(id)}/messages`, form);
}

/** Attaches a supporting document (PDF or XML) to a report (`POST /api/reports/{id}/files`). */
export function sendReportFile(id: string, file: File, onProgress?: (share: number) => void) {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<Json<paths['/api/reports/{id}/files']['post']['responses'][201]>>(`/api/reports/${encodeURIComponent(id)}/files`, form, onProgress);
}

type RegisterImportPost = paths['/api/meetings/{id}/register/import']['post'];
/** The answer of a register import: rows, accepted, refused, each row's reasons, the register's check. */
export type RegisterImportAnswer = Json<RegisterImportPost['responses'][200]>;

type VotesImportPost = paths['/api/meetings/{id}/votes/import']['post'];
/** The answer of a decisions import: rows by outcome and each row's outcome with its reasons. */
export type VotesImportAnswer = Json<VotesImportPost['responses'][200]>;

/** Sends a file to a meeting's file route (`/api/meetings/{id}/register/import`, `…/votes/import`, `/api/meetings/{id}/protocol/scan`). */
export function sendMeetingFile(url: string, file: File, onProgress?: (share: number) => void): Promise<unknown> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<unknown>(url, form, onProgress);
}

/** The routes that answer a GET with a file or a redirect (links, not JSON). */
export type HrefPath =
  | '/api/statements/{id}/files/{kind}'
  | '/api/uploads/template'
  | '/api/auth/oidc/start'
  | '/api/applications/{id}/files/{fileId}'
  | '/api/permits/{id}/versions/{versionId}/files/{kind}'
  | '/api/reports/{id}/files/{fileId}'
  | '/api/reports/{id}/export/{format}'
  | '/api/acts/{id}/files/{kind}'
  | '/api/invoices/{id}/files/{kind}'
  | '/api/meetings/{id}/documents/{doc}/{file}'
  | '/api/meetings/{id}/protocol/scan'
  | '/api/meetings/{id}/votes/template'
  | '/api/meetings/{id}/register/imports/{importId}/result'
  | '/api/meetings/{id}/votes/imports/{importId}/result';

type PathParams<P extends HrefPath> = paths[P]['get'] extends { parameters: { path: infer A } } ? A : never;

/** The address of a file route, with its path parameters filled in: `apiHref('/api/statements/{id}/files/{kind}', { id, kind: 'pdf' })`. */
export function apiHref<P extends HrefPath>(path: P, ...params: PathParams<P> extends never | undefined ? [] : [PathParams<P>]): string {
  const values = (params[0] ?? {}) as Record<string, string>;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}
