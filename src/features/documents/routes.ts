/**
 * HTTP of issued documents, for anyone: the registry record by the printed
 * code (page and API, rate-limited), checking a file against its signature,
 * the operator's certificate and support contacts; and, for the operator,
 * annulling a document with a reason.
 */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { operatorSigner } from '../../platform/documents/operator-signer.js';
import { normalizeDocumentCode } from '../../platform/documents/code.js';
import { contentDisposition } from '../statements/view.js';
import { annulDocumentByCode } from './annul-document.js';
import { publicRecord, recordByCode, supportContacts } from './record.js';
import { codeFormPage, notFoundPage, recordPage } from './record-page.js';
import { FileDigest, verifyFileSignature } from './verify-signature.js';
import { VERIFY_HTML, VERIFY_JS } from './verify-page.js';

/** Largest document accepted for verification (a statement of a million trips is ~100 MB). */
export const VERIFY_MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 1024 * 1024;
/** Lookups by code per address and minute: plenty for people, useless for guessing 75-bit codes. */
const LOOKUP_LIMIT = { max: 30, timeWindow: '1 minute' };

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const Signer = Type.Object({
  commonName: Nullable(Type.String()),
  organization: Nullable(Type.String()),
  innLe: Nullable(Type.String()),
  inn: Nullable(Type.String()),
  ogrn: Nullable(Type.String()),
  serialNumber: Type.String(),
  validFrom: Type.String({ format: 'date-time' }),
  validTo: Type.String({ format: 'date-time' }),
  issuer: Type.String(),
  isOperator: Type.Boolean({ description: 'Сертификат информационного оператора ОССиГ' }),
});

const VerifyResult = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: 'Почему подпись недействительна' })),
  code: Type.Optional(Type.String()),
  signer: Type.Union([Signer, Type.Null()]),
  signedAt: Nullable(Type.String({ format: 'date-time' })),
  timestamp: Type.Union([Type.Object({ at: Type.String({ format: 'date-time' }), valid: Type.Boolean() }), Type.Null()], {
    description: 'Метка времени RFC 3161 (CAdES-T), если подпись её содержит',
  }),
  document: Type.Union(
    [
      Type.Object({
        statementId: Nullable(Type.String({ format: 'uuid' })),
        number: Type.String(),
        kind: Type.String({ description: 'Какой это файл документа: pdf, xlsx' }),
        documentKind: Type.String({ description: 'Вид документа: statement, permit, …' }),
        code: Type.String({ description: 'Код проверки, напечатанный на документе' }),
        status: Type.Union([Type.Literal('valid'), Type.Literal('annulled')]),
        annulledAt: Nullable(Type.String({ format: 'date-time' })),
        annulReason: Nullable(Type.String()),
        url: Type.String({ description: 'Страница записи реестра' }),
      }),
      Type.Null(),
    ],
    { description: 'Запись реестра выданных документов, если файл — документ, выданный системой' },
  ),
});

const Fact = Type.Object({ label: Type.String(), value: Type.String() });
const Record = Type.Object({
  code: Type.String(),
  kind: Type.String(),
  kindName: Type.String(),
  number: Type.String(),
  date: Type.String({ description: 'Дата документа, ДД.ММ.ГГГГ' }),
  issuedAt: Type.String({ format: 'date-time' }),
  period: Type.Union([Type.Object({ from: Type.String(), to: Type.String(), text: Type.String() }), Type.Null()]),
  status: Type.Union([Type.Literal('valid'), Type.Literal('annulled')]),
  statusText: Type.String(),
  annulledAt: Nullable(Type.String({ format: 'date-time' })),
  annulReason: Nullable(Type.String()),
  facts: Type.Array(Fact),
  totals: Type.Array(Fact),
  files: Type.Array(Type.Object({ kind: Type.String(), bytes: Type.Integer(), sha256: Type.String(), streebog: Type.String(), signatureSha256: Type.String() })),
  signer: Type.Union([
    Type.Object({
      owner: Nullable(Type.String()),
      organization: Nullable(Type.String()),
      innLe: Nullable(Type.String()),
      ogrn: Nullable(Type.String()),
      serialNumber: Nullable(Type.String()),
      issuer: Nullable(Type.String()),
      validFrom: Nullable(Type.String()),
      validTo: Nullable(Type.String()),
      fingerprint: Nullable(Type.String()),
      algorithm: Nullable(Type.String()),
    }),
    Type.Null(),
  ]),
  signedAt: Nullable(Type.String({ format: 'date-time' })),
  timestampedAt: Nullable(Type.String({ format: 'date-time' })),
  url: Type.String(),
});
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64, description: 'Код проверки с документа, например 7KQ2M-9XW4T-HB3RZ' }) });
const Support = Type.Object({ phone: Nullable(Type.String()), email: Nullable(Type.String()) });

export const documentRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/documents/:code',
    {
      config: { access: { public: true }, rateLimit: LOOKUP_LIMIT },
      schema: {
        tags: ['Документы'],
        summary: 'Запись реестра выданных документов по коду проверки (без входа в систему)',
        description: 'Что указано в документе, итоги, хэши файлов, сертификат подписанта, действителен ли документ или аннулирован (когда и почему).',
        params: CodeParams,
        response: { 200: Record, ...errorResponses },
      },
    },
    async (req) => recordByCode(ctx, req.params.code),
  );

  app.post(
    '/api/documents/:code/annul',
    {
      config: { access: { right: 'manage', orgRoles: ['operator'] } },
      schema: {
        tags: ['Документы'],
        summary: 'Аннулировать выданный документ (информационный оператор), с причиной',
        params: CodeParams,
        body: Type.Object({ reason: Type.String({ maxLength: 4000, description: 'Причина аннулирования (от 5 до 1000 символов)' }) }),
        response: { 200: Record, ...errorResponses },
      },
    },
    async (req) =>
      publicRecord(ctx, await annulDocumentByCode({ ctx, actor: actorOf(req), code: req.params.code, reason: req.body.reason, ip: req.ip, userAgent: req.headers['user-agent'] ?? null })),
  );

  app.get(
    '/api/support',
    {
      config: { access: { public: true } },
      schema: { tags: ['Документы'], summary: 'Контакты службы поддержки информационного оператора (печатаются на документах)', response: { 200: Support } },
    },
    async () => supportContacts(ctx),
  );

  app.get('/d', { schema: { hide: true, querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 200 })) }) }, config: { rateLimit: LOOKUP_LIMIT } }, async (req, reply) => {
    const typed = req.query.code;
    if (typed !== undefined) {
      const code = normalizeDocumentCode(typed);
      if (code) return reply.redirect(`/d/${code}`, 303);
      return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage(supportContacts(ctx)));
    }
    return reply.type('text/html; charset=utf-8').send(codeFormPage(supportContacts(ctx)));
  });

  app.get('/d/:code', { schema: { hide: true, params: CodeParams }, config: { rateLimit: LOOKUP_LIMIT } }, async (req, reply) => {
    const support = supportContacts(ctx);
    try {
      const r = await recordByCode(ctx, req.params.code);
      return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(recordPage(r, support));
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage(support));
      throw e;
    }
  });

  app.post(
    '/api/signatures/verify',
    {
      config: { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['Подпись'],
        summary: 'Проверить электронную подпись файла (без входа в систему)',
        description:
          'multipart/form-data: `file` — документ, `signature` — его отсоединённая подпись (.sig, CMS DER или PEM). Для документа, выданного системой, ответ называет его запись в реестре (код проверки) и говорит, не аннулирован ли он.',
        consumes: ['multipart/form-data'],
        response: { 200: VerifyResult, ...errorResponses },
      },
    },
    async (req) => {
      if (!req.isMultipart()) {
        throw new AppError('unsupported_media_type', 'Отправьте документ и подпись как multipart/form-data: поля file и signature');
      }
      const digest = new FileDigest();
      let gotFile = false;
      let signature: Buffer | null = null;
      for await (const part of req.parts({ limits: { fileSize: VERIFY_MAX_FILE_BYTES, files: 2 } })) {
        if (part.type !== 'file') continue;
        if (part.fieldname === 'file') {
          gotFile = true;
          for await (const chunk of part.file) digest.update(chunk as Buffer);
          if (part.file.truncated) throw new AppError('payload_too_large', `Документ: размер не должен превышать ${VERIFY_MAX_FILE_BYTES / 1024 / 1024} МБ`);
        } else if (part.fieldname === 'signature') {
          const chunks: Buffer[] = [];
          let size = 0;
          for await (const chunk of part.file) {
            size += (chunk as Buffer).length;
            if (size <= MAX_SIGNATURE_BYTES) chunks.push(chunk as Buffer);
          }
          if (size > MAX_SIGNATURE_BYTES) throw invalid({ field: 'signature', message: 'Файл подписи: слишком большой для файла подписи (.sig) — не более 1 МБ' });
          signature = Buffer.concat(chunks);
        } else {
          part.file.resume();
        }
      }
      const errors = [];
      if (!gotFile) errors.push({ field: 'file', message: 'Документ: выберите файл документа' });
      if (!signature) errors.push({ field: 'signature', message: 'Файл подписи: выберите файл подписи (.sig)' });
      else if (signature.length === 0) errors.push({ field: 'signature', message: 'Файл подписи: файл пуст' });
      if (errors.length) throw invalid(errors);
      const d = digest.digest();
      return verifyFileSignature(ctx, { ...d, signature: signature! });
    },
  );

  app.get(
    '/api/signatures/certificate',
    {
      config: { access: { public: true } },
      schema: { tags: ['Подпись'], summary: 'Сертификат электронной подписи информационного оператора (PEM)', response: { 200: Type.String() } },
    },
    async (_req, reply) => {
      const signer = await operatorSigner(ctx);
      return reply
        .type('application/x-pem-file')
        .header('Content-Disposition', contentDisposition('Сертификат информационного оператора ОССиГ.pem', 'ossig-operator.pem'))
        .send(signer.certificate.pem);
    },
  );

  app.get('/verify', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(VERIFY_HTML));
  app.get('/verify.js', { schema: { hide: true } }, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(VERIFY_JS));
};
