import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { idempotentRequest } from '../../platform/http/idempotency.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { IdParams, IsoDate, KeysetPage, KeysetPaging, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { getPermit, listPermits, openPermitFile, permitVersions } from './queries.js';
import { revokePermit } from './revoke.js';
import { sendFile } from '../../platform/files/index.js';
import { Conflict, KeyHeader } from '../registers/schemas.js';

const PermitRow = Type.Object({
  id: Uuid,
  number: Type.String(),
  siteId: Uuid,
  siteName: Type.String(),
  validFrom: IsoDate,
  validTo: IsoDate,
  status: Type.String(),
});

const Org = Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() });

const PermitCard = Type.Intersect([
  PermitRow,
  Type.Object({
    wasteTypes: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        hazardClass: Type.Integer(),
        permittedVolume: Type.String(),
        movedVolume: Type.String({ description: 'Перемещено: объём грузов, принятых объектами приёма, м³ — по рейсам, которые видит организация (перевозчик — только по своим)' }),
        awaitingVolume: Type.String({ description: 'Ожидают решения объекта приёма, м³ (в перемещённые не входят)' }),
        rejectedVolume: Type.String({ description: 'Отклонены объектами приёма, м³ (не перемещены)' }),
        movedTrips: Type.Integer(),
        awaitingTrips: Type.Integer(),
        rejectedTrips: Type.Integer(),
        overLimit: Type.Boolean({ description: 'Перемещённый (принятый) объём больше разрешённого — по всем рейсам разрешения' }),
      }),
    ),
    carriers: Type.Array(Org),
    facilities: Type.Array(Type.Intersect([Org, Type.Object({ address: Type.Union([Type.String(), Type.Null()]) })])),
    suspended: Type.Array(
      Type.Object({ kind: Type.Union([Type.Literal('facility'), Type.Literal('carrier')]), name: Type.String(), reason: Type.Union([Type.String(), Type.Null()]) }),
      { description: 'Объекты приёма и перевозчики разрешения, доступ которых приостановлен оператором (1386-ПП п. 7.2)' },
    ),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Когда разрешение аннулировано: рейсы, погруженные с этого момента, не принимаются' }),
    revokedReason: Type.Union([Type.String(), Type.Null()], { description: 'Причина аннулирования (от оператора)' }),
    canRevoke: Type.Boolean({ description: 'Может ли пользователь (оператор) аннулировать разрешение' }),
  }),
]);

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const PermitVersions = Type.Object({
  id: Uuid,
  number: Type.String(),
  currentVersion: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      version: Type.Integer(),
      current: Type.Boolean(),
      inForceFrom: Nullable(Type.String({ format: 'date-time', description: 'С этого момента действует версия (null — с начала действия разрешения)' })),
      validFrom: IsoDate,
      validTo: IsoDate,
      issuedAt: Type.String({ format: 'date-time' }),
      issuedBy: Type.Union([Type.String(), Type.Null()]),
      application: Type.Union([Type.Object({ id: Uuid, number: Type.String(), kind: Type.String() }), Type.Null()]),
      changes: Type.Array(Type.Object({ field: Type.String(), before: Type.String(), after: Type.String() })),
      lines: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), volume: Type.String(), mass: Type.Union([Type.String(), Type.Null()]), facilities: Type.Array(Type.String()) })),
      carriers: Type.Array(Type.Object({ name: Type.String(), inn: Type.String() })),
      pdf: Type.Union([
        Type.Object({ url: Type.String(), signatureUrl: Type.String(), bytes: Type.Integer(), sha256: Type.String(), signedAt: Type.String({ format: 'date-time' }) }),
        Type.Null(),
      ]),
    }),
  ),
});

export const permitRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/permits',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Разрешения'],
        summary: 'Разрешения на перемещение ОСС, доступные организации',
        description: 'Новые сверху (по началу действия). Следующая страница — с after = nextCursor; total точен до 1000, дальше «более 1000».',
        querystring: Type.Object({ siteId: Type.Optional(Uuid), ...KeysetPaging }),
        response: { 200: KeysetPage(PermitRow), ...errorResponses },
      },
    },
    async (req) => listPermits(ctx.db, actorOf(req), { siteId: req.query.siteId, after: req.query.after, pageSize: req.query.pageSize ?? 50 }),
  );

  app.get(
    '/api/permits/:id',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Разрешения'],
        summary: 'Разрешение: виды отходов и использование разрешённых объёмов, перевозчики, объекты приёма',
        params: IdParams,
        response: { 200: PermitCard, ...errorResponses },
      },
    },
    async (req) => getPermit(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/permits/:id/versions',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Разрешения'],
        summary: 'Версии разрешения: первая и внесённые изменения, с условиями каждой и подписанным PDF',
        params: IdParams,
        response: { 200: PermitVersions, ...errorResponses },
      },
    },
    async (req) => permitVersions(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/permits/:id/versions/:versionId/files/:kind',
    {
      config: { access: { right: 'read' } },
      schema: {
        tags: ['Разрешения'],
        summary: 'PDF версии разрешения, подписанный информационным оператором, или его подпись (.sig, CMS DER)',
        params: Type.Object({ id: Uuid, versionId: Uuid, kind: Type.Union([Type.Literal('pdf'), Type.Literal('pdf.sig')]) }),
      },
    },
    async (req, reply) => {
      const f = await openPermitFile(ctx, actorOf(req), req.params.id, req.params.versionId, req.params.kind);
      return sendFile(reply, f.file, { name: f.name, type: f.type });
    },
  );

  app.post(
    '/api/operator/permits/:id/revoke',
    {
      config: { access: { right: 'submit', orgRoles: ['operator'] } },
      schema: {
        tags: ['Разрешения'],
        summary: 'Аннулировать разрешение (действие оператора, с причиной)',
        description:
          'С момента аннулирования рейсы по разрешению не принимаются (погруженные раньше проверяются по версии, действовавшей при погрузке). Заявитель, перевозчики и объекты приёма разрешения получают уведомление. Уже аннулированное — 409 permit_status. Принимает Idempotency-Key.',
        params: IdParams,
        headers: KeyHeader,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Причина аннулирования' }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Uuid, number: Type.String(), status: Type.Literal('revoked'), revokedAt: Type.String({ format: 'date-time' }) }),
          ...Conflict,
          ...errorResponses,
        },
      },
    },
    async (req) =>
      (
        await idempotentRequest(ctx.db, req, 200, (trx) =>
          revokePermit(trx, { ctx, actor: actorOf(req), id: req.params.id, reason: req.body.reason, ...requestMeta(req) }),
        )
      ).body,
  );
};
