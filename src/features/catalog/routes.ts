import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { searchWasteTypes } from './queries.js';

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
    async (req) => ({ items: await searchWasteTypes(ctx.db, req.query.q) }),
  );

};
