/**
 * Help for people using the cabinet: the operator's support contacts
 * (SUPPORT_PHONE, SUPPORT_EMAIL — the same ones printed on every document),
 * shown in the cabinet's footer, in its error states and on the help pages.
 * Public: a person who cannot sign in needs them most.
 */
import { Type } from '@sinclair/typebox';
import type { RoutesPlugin } from '../../platform/http/server.js';

export const SupportContacts = Type.Object({
  phone: Type.Union([Type.String(), Type.Null()], { description: 'Телефон службы поддержки оператора' }),
  email: Type.Union([Type.String(), Type.Null()], { description: 'Электронная почта службы поддержки оператора' }),
});

export const helpRoutes: RoutesPlugin = (app, ctx) => {
  app.get(
    '/api/help/support',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Справка'],
        summary: 'Контакты службы поддержки оператора',
        response: { 200: SupportContacts },
      },
    },
    async () => ({ phone: ctx.config.support.phone, email: ctx.config.support.email }),
  );
};
