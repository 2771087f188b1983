/** Telemetry for the operator: terminals that send data while no vehicle names them. */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { Nullable, Page, Paging, errorResponses } from '../../platform/http/schemas.js';
import { listUnknownTerminals } from './queries.js';

const UnknownTerminal = Type.Object({
  terminal: Type.String({ description: 'Номер терминала (идентификатор EGTS или IMEI)' }),
  protocol: Type.String({ description: 'egts или wialon' }),
  firstSeen: Type.String({ format: 'date-time' }),
  lastSeen: Type.String({ format: 'date-time' }),
  points: Type.Integer({ description: 'Сколько точек принято и хранится' }),
  lastLatitude: Nullable(Type.Number()),
  lastLongitude: Nullable(Type.Number()),
});

export const telemetryRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/telemetry/unknown-terminals',
    {
      config: { access: { right: 'read', orgRoles: ['operator'] } },
      schema: {
        tags: ['Телематика'],
        summary: 'Неизвестные терминалы: присылают данные, но не указаны ни у одного транспортного средства (данные сохранены)',
        querystring: Type.Object({ ...Paging }),
        response: { 200: Page(UnknownTerminal), ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 50;
      const r = await listUnknownTerminals(ctx, { limit: pageSize, offset: (page - 1) * pageSize });
      return { ...r, page, pageSize };
    },
  );
};
