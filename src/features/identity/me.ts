/** «Who am I»: the person, the organizations they may act for now, and the one chosen. */
import type { AppContext } from '../../platform/context.js';
import { liveMemberships } from './sessions.js';
import { totpEnabled } from './totp.js';

export async function me(ctx: AppContext, personId: string, organizationId: string | null) {
  const person = await ctx.db.selectFrom('persons').select(['id', 'full_name', 'email', 'password_hash']).where('id', '=', personId).executeTakeFirstOrThrow();
  const organizations = await liveMemberships(ctx, personId);
  return {
    person: { id: person.id, fullName: person.full_name, email: person.email, hasPassword: !!person.password_hash, secondFactor: await totpEnabled(ctx.db, personId) },
    organizationId: organizations.some((o) => o.id === organizationId) ? organizationId : null,
    organizations: organizations.map(({ status, status_reason, ...o }) => ({
      ...o,
      validUntil: o.validUntil ? new Date(o.validUntil).toISOString() : null,
      suspended: status === 'suspended',
      suspendedReason: status === 'suspended' ? status_reason : null,
    })),
    demo: ctx.config.demo,
    map: { tileUrl: ctx.config.map.tileUrl, attribution: ctx.config.map.attribution, subdomains: [...ctx.config.map.subdomains], maxZoom: ctx.config.map.maxZoom },
  };
}
