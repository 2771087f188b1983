import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { actorOf } from '../../platform/http/auth.js';
import { Uuid, errorResponses } from '../../platform/http/schemas.js';

const WasteType = Type.Object({ code: Type.String(), name: Type.String(), hazardClass: Type.Integer() });

export const catalogRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/fkko',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Справочники'],
        summary: 'Каталог ФККО: виды отходов строительства и сноса',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(WasteType) }), ...errorResponses },
      },
    },
    async (req) => {
      let q = ctx.db.selectFrom('waste_types').select(['code', 'name', 'hazard_class as hazardClass']).orderBy('code');
      const term = req.query.q?.trim();
      if (term) {
        const digits = term.replace(/\s+/g, '');
        q = q.where((eb) => eb.or([eb('code', 'like', `${digits.replace(/[%_]/g, '')}%`), eb(sql`name`, 'ilike', `%${term.replace(/[%_]/g, '')}%`)]));
      }
      return { items: await q.execute() };
    },
  );

  app.get(
    '/api/vehicles',
    {
      config: { access: { right: 'read', orgRoles: ['carrier'] } },
      schema: {
        tags: ['Справочники'],
        summary: 'Транспортные средства перевозчика',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Uuid, plate: Type.String(), model: Type.Union([Type.String(), Type.Null()]), capacityM3: Type.Union([Type.String(), Type.Null()]) }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({
      items: await ctx.db
        .selectFrom('vehicles')
        .select(['id', 'plate', 'model', sql<string | null>`capacity_m3::text`.as('capacityM3')])
        .where('carrier_id', '=', actorOf(req).organizationId)
        .orderBy('plate')
        .execute(),
    }),
  );
};
