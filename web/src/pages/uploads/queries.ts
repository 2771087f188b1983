/** Data of the «Загрузки» page: the journal, one upload's progress, and sending a file with transfer progress. */
import { useQuery } from '@tanstack/react-query';
import { ApiError, networkError, request } from '../../api/client';

export interface FileProblem {
  field: string;
  message: string;
}

export interface Upload {
  id: string;
  fileName: string;
  fileType: 'xlsx' | 'csv';
  sizeBytes: number;
  status: 'queued' | 'processing' | 'done' | 'refused' | 'failed';
  statusText: string;
  totalRows: number | null;
  processedRows: number;
  progress: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  problems: FileProblem[];
  notes: FileProblem[];
  createdAt: string;
  finishedAt: string | null;
  originalUrl: string;
  resultUrl: string | null;
  repeated?: boolean;
  message?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const isFinished = (u: Upload) => u.status === 'done' || u.status === 'refused' || u.status === 'failed';

export function useUploads(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['uploads', page, pageSize],
    queryFn: () => request<Page<Upload>>('GET', `/api/uploads?page=${page}&pageSize=${pageSize}`),
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
export function sendFile(url: string, file: File, onProgress: (share: number) => void): Promise<Upload> {
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
      resolve(JSON.parse(xhr.responseText) as Upload);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
