/** Data of the «Загрузки» page: the journal, one upload's progress, and sending a file with transfer progress. */
import { useQuery } from '@tanstack/react-query';
import { ApiError, networkError, request, type paths } from '../../api/client';

/** An upload as GET /api/uploads/{id} returns it (types generated from the OpenAPI document). */
export type Upload = paths['/api/uploads/{id}']['get']['responses'][200]['content']['application/json'];
/** The answer to POST /api/uploads: the upload, and whether the same file had come before. */
export type SentUpload = paths['/api/uploads']['post']['responses'][202]['content']['application/json'];
type UploadPage = paths['/api/uploads']['get']['responses'][200]['content']['application/json'];

export const isFinished = (u: Upload) => u.status === 'done' || u.status === 'refused' || u.status === 'failed';

export function useUploads(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['uploads', page, pageSize],
    queryFn: () => request<UploadPage>('GET', `/api/uploads?page=${page}&pageSize=${pageSize}`),
    refetchInterval: (q) => (q.state.data?.items.some((u) => !isFinished(u)) ? 2000 : false),
  });
}

export function useUpload(id: string | null) {
  return useQuery({
    queryKey: ['upload', id],
    enabled: id !== null,
    queryFn: () => request<Upload>('GET', `/api/uploads/${id}`),
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : 1000),
  });
}

/** A 503 answer: the server asks to come back after `retryAfter` seconds. */
export class Overloaded extends Error {
  constructor(
    readonly retryAfter: number,
    message: string,
  ) {
    super(message);
  }
}

/** Sends a file (multipart field «file») with transfer progress (XMLHttpRequest: fetch has none). */
export function sendFile(url: string, file: File, onProgress: (share: number) => void): Promise<SentUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(networkError());
    xhr.onload = async () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status === 503) {
        const e = await ApiError.fromResponse(response);
        reject(new Overloaded(Number(xhr.getResponseHeader('retry-after') ?? 10), e.detail ?? e.title));
        return;
      }
      if (xhr.status >= 400) {
        reject(await ApiError.fromResponse(response));
        return;
      }
      resolve(JSON.parse(xhr.responseText) as SentUpload);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
