/**
 * HTTP of the operator's registers: every organization (keyset pages by name,
 * search by name, ИНН, ОГРН; filters by role and status), an organization's
 * card and history, suspending and restoring its access with a reason; every
 * producer's sites. The vehicles and facilities lists are in their features.
 */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { requestMeta } from '../../platform/http/request-meta.js';
import { checkKey, idempotent } from '../../platform/http/idempotency.js';
import { IdParams, Nullable, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { ORG_ROLE_LABELS } from '../../platform/http/labels.js';
import { Conflict, Enum, HistorySchema, KeyHeader, KeysetPage, KeysetQuery, ReasonBody } from './schemas.js';
import { REGISTER_STATUS_LABELS, WORKS_KIND_LABELS } from './labels.js';
import { getOrganizationCard, listAllSites, listOrganizations, organizationHistory, setOrganizationStatus } from './operator.js';

const TAG = 'Реестры (оператор)';
const Status = Enum(REGISTER_STATUS_LABELS, 'active — действует, suspended — доступ приостановлен оператором');
const Role = Enum(ORG_ROLE_LABELS, 'Роль организации');

const OrganizationRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  inn: Type.String(),
  ogrn: Nullable(Type.String()),
  kind: Type.Union([Type.Literal('legal'), Type.Literal('individual')]),
  roles: Type.Array(Role),
  status: Status,
  statusReason: Nullable(Type.String()),
  statusChangedAt: Nullable(Type.String({ format: 'date-time' })),
});

const OrganizationCard = Type.Object({
  ...OrganizationRow.properties,
  kpp: Nullable(Type.String()),
  address: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  sites: Type.Integer({ description: 'Объекты образования ОСС на учёте' }),
  vehicles: Type.Integer({ description: 'Транспортные средства на учёте' }),
  facilities: Type.Integer({ description: 'Объекты приёма' }),
  members: Type.Integer({ description: 'Участники (руководитель, сотрудники, доверенные лица)' }),
  canSuspend: Type.Boolean(),
});

const SiteRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  cadastralNumbers: Type.Array(Type.String()),
  worksKind: Enum(WORKS_KIND_LABELS),
  archived: Type.Boolean(),
  producerId: Uuid,
  producerName: Type.String(),
  producerInn: Type.String(),
  producerSuspended: Type.Boolean(),
});

export const operatorRegisterRoutes: RoutesPlugin = (app, ctx) => {

  app.get(
    '/api/operator/organizations',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: [TAG],
        summary: 'Реестр организаций',
        description: 'Страницы по наименованию: nextCursor передайте в after. q — наименование, ИНН или ОГРН.',
        querystring: Type.Object({ ...KeysetQuery, role: Type.Optional(Role), status: Type.Optional(Status) }),
        response: { 200: KeysetPage(OrganizationRow), ...errorResponses },
      },
    },
    async (req) => listOrganizations(ctx.db, req.query),
  );

  app.get(
    '/api/operator/organizations/:id',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: { tags: [TAG], summary: 'Карточка организации', params: IdParams, response: { 200: OrganizationCard, ...errorResponses } },
    },
    async (req) => getOrganizationCard(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/operator/organizations/:id/history',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: { tags: [TAG], summary: 'История приостановлений и восстановлений доступа организации', params: IdParams, response: { 200: HistorySchema, ...errorResponses } },
    },
    async (req) => ({ items: await organizationHistory(ctx.db, req.params.id) }),
  );

  for (const [path, status, summary] of [
    ['suspend', 'suspended', 'Приостановить доступ организации (с причиной): действовать от её имени нельзя, её объекты приёма не принимают новые рейсы'],
    ['restore', 'active', 'Восстановить доступ организации (с причиной)'],
  ] as const) {
    app.post(
      `/api/operator/organizations/:id/${path}`,
      {
        config: { access: { right: 'submit', orgRoles: ['operator'] } },
        schema: {
          tags: [TAG],
          summary,
          params: IdParams,
          headers: KeyHeader,
          body: ReasonBody,
          response: { 200: Type.Object({ id: Uuid, version: Type.Integer(), status: Status }), ...Conflict, ...errorResponses },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const key = checkKey(req.headers['idempotency-key'] as string | undefined);
        const out = await idempotent(ctx.db, { organizationId: actor.organizationId, key, body: { url: req.url, body: req.body }, status: 200 }, (trx) =>
          setOrganizationStatus(trx, { ctx, actor, id: req.params.id, status, reason: req.body.reason, ...requestMeta(req) }),
        );
        return out.body;
      },
    );
  }

  app.get(
    '/api/operator/sites',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: [TAG],
        summary: 'Реестр объектов образования ОСС (все отходопроизводители)',
        description: 'Страницы по наименованию: nextCursor передайте в after. q — наименование, адрес, кадастровый номер, наименование или ИНН отходопроизводителя.',
        querystring: Type.Object({ ...KeysetQuery, archived: Type.Optional(Type.Boolean()) }),
        response: { 200: KeysetPage(SiteRow), ...errorResponses },
      },
    },
    async (req) => listAllSites(ctx.db, req.query),
  );
};
