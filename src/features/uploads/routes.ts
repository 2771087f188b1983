/**
 * Carriers' bulk uploads: template, upload (multipart, streamed to disk,
 * processed in the background), journal, status, original and result files.
 *
 * Deadline rush: the upload request only stores the file and queues its job,
 * so it answers fast. The number of uploads being received at once is
 * bounded by the upload gate (gate.ts, receive-file.ts), and so is the wait for
 * a database connection; beyond that, and when the disk is nearly full, the
 * answer is 503 with Retry-After — never a file accepted and then lost. A body
 * that stalls is cut off with 408, and a slot is released on every path.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { IdParams, KeysetPage, KeysetPaging, Uuid, errorResponses, uploadErrorResponses } from '../../platform/http/schemas.js';
import { checkKey } from '../../platform/http/idempotency.js';
import { createUpload } from './create-upload.js';
import { getUpload, listUploads } from './queries.js';
import { receiveUpload } from './receive-file.js';
import { buildTemplate } from './template.js';
import { originalKey, resultKey, uploadStore } from './storage.js';
import { sendStored, type FileStore } from '../../platform/files/index.js';

const FileProblemSchema = Type.Object({ field: Type.String(), message: Type.String() });
export const UploadSchema = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  fileType: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')]),
  sizeBytes: Type.Integer(),
  status: Type.Union(['queued', 'processing', 'done', 'refused', 'failed'].map((s) => Type.Literal(s)), {
    description: 'queued — в очереди, processing — обрабатывается, done — обработан, refused — файл не принят, failed — ошибка обработки',
  }),
  statusText: Type.String(),
  totalRows: Type.Union([Type.Integer(), Type.Null()], { description: 'Строк данных в файле' }),
  processedRows: Type.Integer(),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  accepted: Type.Integer(),
  rejected: Type.Integer({ description: 'Отклонено, включая повторы' }),
  duplicates: Type.Integer({ description: 'Из отклонённых — повторы уже записанных рейсов' }),
  problems: Type.Array(FileProblemSchema, { description: 'Причины, по которым файл не принят целиком' }),
  notes: Type.Array(FileProblemSchema, { description: 'Замечания к файлу (например, лишние столбцы)' }),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  originalUrl: Type.String(),
  resultUrl: Type.Union([Type.String(), Type.Null()], { description: 'Файл результатов (XLSX), когда готов' }),
});
const UploadAnswer = Type.Intersect([
  UploadSchema,
  Type.Object({ repeated: Type.Boolean({ description: 'Этот файл уже загружался: повторно ничего не записано' }), message: Type.String() }),
]);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function sendFile(reply: FastifyReply, store: FileStore, key: string, name: string, type: string) {
  const sent = await sendStored(reply, store, key, { name, type });
  if (!sent) throw notFound('Файл не найден');
  return sent;
}

export const uploadRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/uploads/template',
    {
      config: { access: { right: 'read', orgRoles: ['carrier'] } },
      schema: {
        tags: ['Загрузки'],
        summary: 'Шаблон XLSX для загрузки рейсов (со списками ваших разрешений, ТС, кодов ФККО и объектов приёма)',
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const buf = await buildTemplate(ctx, actorOf(req).organizationId);
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('Шаблон загрузки рейсов.xlsx')).send(buf);
    },
  );

  app.post(
    '/api/uploads',
    {
      config: { access: { right: 'submit', orgRoles: ['carrier'] } },
      schema: {
        tags: ['Загрузки'],
        summary: 'Загрузить файл рейсов (XLSX или CSV, до 50 МБ; поле multipart «file»)',
        description:
          'Файл сохраняется и ставится в очередь на обработку; ответ 202 приходит сразу. Ход обработки — GET /api/uploads/{id}; по готовности — файл результатов. Тот же файл повторно ничего не записывает (ответ 200 с прежней загрузкой). При перегрузке — 503 с Retry-After: повторите позже, файл не будет потерян, так как он не был принят. Форма: один файл в поле «file» и не более 10 других полей до 64 КБ (иначе 413); передача, остановившаяся дольше UPLOAD_IDLE_TIMEOUT_SECONDS (по умолчанию 30 с), обрывается с 408.',
        consumes: ['multipart/form-data'],
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        response: { 200: UploadAnswer, 202: UploadAnswer, ...uploadErrorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const key = checkKey(req.headers['idempotency-key'] as string | undefined);
      const out = await receiveUpload(ctx, req, reply, (file) =>
        createUpload(ctx, { actor, file, idempotencyKey: key, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }),
      );
      if (out.upload.repeated) reply.header('Idempotent-Replayed', 'true');
      reply.header('Location', `/api/uploads/${out.upload.id}`);
      return reply.status(out.status).send(out.upload);
    },
  );

  app.get(
    '/api/uploads',
    {
      config: { access: { right: 'read', orgRoles: ['carrier'] } },
      schema: {
        tags: ['Загрузки'],
        summary: 'Журнал загрузок: дата, файл, строк в файле, принято, отклонено, статус',
        querystring: Type.Object({ ...KeysetPaging }),
        response: { 200: KeysetPage(UploadSchema), ...errorResponses },
      },
    },
    async (req) => listUploads(ctx, actorOf(req), { after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.get(
    '/api/uploads/:id',
    {
      config: { access: { right: 'read', orgRoles: ['carrier'] } },
      schema: {
        tags: ['Загрузки'],
        summary: 'Загрузка: статус, ход обработки, число принятых и отклонённых строк',
        params: IdParams,
        response: { 200: UploadSchema, ...errorResponses },
      },
    },
    async (req) => {
      const u = await getUpload(ctx, actorOf(req), req.params.id);
      if (!u) throw notFound('Загрузка не найдена');
      return u;
    },
  );

  app.get(
    '/api/uploads/:id/original',
    {
      config: { access: { right: 'read', orgRoles: ['carrier'] } },
      schema: { tags: ['Загрузки'], summary: 'Скачать загруженный файл', params: IdParams },
    },
    async (req, reply) => {
      const u = await getUpload(ctx, actorOf(req), req.params.id);
      if (!u) throw notFound('Загрузка не найдена');
      return sendFile(reply, uploadStore(ctx.config), originalKey(u.id), u.fileName, u.fileType === 'xlsx' ? XLSX : 'text/csv');
    },
  );

  app.get(
    '/api/uploads/:id/result',
    {
      config: { access: { right: 'read', orgRoles: ['carrier'] } },
      schema: { tags: ['Загрузки'], summary: 'Скачать файл результатов (XLSX: строки файла со статусом и причинами, итоги)', params: IdParams },
    },
    async (req, reply) => {
      const u = await getUpload(ctx, actorOf(req), req.params.id);
      if (!u) throw notFound('Загрузка не найдена');
      if (!u.resultUrl) throw new AppError('conflict', 'Файл результатов ещё не готов: загрузка обрабатывается');
      const base = u.fileName.replace(/\.(xlsx|csv|txt)$/i, '');
      return sendFile(reply, uploadStore(ctx.config), resultKey(u.id), `${base} — результат.xlsx`, XLSX);
    },
  );
};
