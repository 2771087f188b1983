/**
 * Which rows an organization may see. Every read goes through these
 * predicates; a row outside them is "not found", never "forbidden", so
 * another organization's ids reveal nothing.
 *
 *  - producer: its own sites, their permits and trips;
 *  - carrier: permits naming it as carrier, their sites, the trips it carried;
 *  - facility: permits naming it as facility, their sites, the trips delivered to it;
 *  - operator: everything (read), but applications only once submitted;
 *  - permit applications: the applicant organization's own (drafts included).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../platform/http/auth.js';

export const isOperator = (actor: Actor): boolean => actor.orgRoles.includes('operator');

/** Predicate on a `sites` row aliased `alias`. */
export function siteVisible(actor: Actor, alias = 's'): Expression<SqlBool> {
  if (isOperator(actor)) return sql<SqlBool>`true`;
  const org = actor.organizationId;
  return sql<SqlBool>`(${sql.ref(`${alias}.producer_id`)} = ${org}
    or exists (select 1 from permits vp
                 left join permit_carriers vc on vc.permit_id = vp.id and vc.carrier_id = ${org}
                 left join permit_facilities vf on vf.permit_id = vp.id and vf.facility_id = ${org}
                where vp.site_id = ${sql.ref(`${alias}.id`)} and (vc.carrier_id is not null or vf.facility_id is not null)))`;
}

/** Predicate on a `permits` row aliased `alias`. */
export function permitVisible(actor: Actor, alias = 'p'): Expression<SqlBool> {
  if (isOperator(actor)) return sql<SqlBool>`true`;
  const org = actor.organizationId;
  const id = sql.ref(`${alias}.id`);
  return sql<SqlBool>`(${sql.ref(`${alias}.producer_id`)} = ${org}
    or exists (select 1 from permit_carriers vc where vc.permit_id = ${id} and vc.carrier_id = ${org})
    or exists (select 1 from permit_facilities vf where vf.permit_id = ${id} and vf.facility_id = ${org}))`;
}

/** Predicate on a `trips` row aliased `alias`. */
export function tripVisible(actor: Actor, alias = 't'): Expression<SqlBool> {
  if (isOperator(actor)) return sql<SqlBool>`true`;
  const org = actor.organizationId;
  return sql<SqlBool>`(${sql.ref(`${alias}.carrier_id`)} = ${org}
    or ${sql.ref(`${alias}.facility_id`)} = ${org}
    or exists (select 1 from sites vs where vs.id = ${sql.ref(`${alias}.site_id`)} and vs.producer_id = ${org}))`;
}

/** Predicate on a `permit_applications` row aliased `alias`: the applicant's own; the operator's once submitted (drafts stay private). */
export function applicationVisible(actor: Actor, alias = 'a'): Expression<SqlBool> {
  if (isOperator(actor)) return sql<SqlBool>`${sql.ref(`${alias}.first_submitted_at`)} is not null`;
  return sql<SqlBool>`${sql.ref(`${alias}.organization_id`)} = ${actor.organizationId}`;
}

/** Predicate on a `reports` row aliased `alias`: the filer's own (drafts included); the operator's once filed. */
export function reportVisible(actor: Actor, alias = 'r'): Expression<SqlBool> {
  if (isOperator(actor)) return sql<SqlBool>`(${sql.ref(`${alias}.organization_id`)} = ${actor.organizationId} or ${sql.ref(`${alias}.filed_version`)} > 0)`;
  return sql<SqlBool>`${sql.ref(`${alias}.organization_id`)} = ${actor.organizationId}`;
}

/**
 * Predicate on a `trip_totals` row aliased `alias` (or one of the month totals'): the same rows as `tripVisible` over the trips
 * behind them. The producer's sites as an array (one InitPlan), so that the three sides combine as a BitmapOr of the carrier's,
 * the facility's and the sites' indexes instead of a scan of every row with a hashed subplan.
 */
export function totalsVisible(actor: Actor, alias = 'tt'): Expression<SqlBool> {
  if (isOperator(actor)) return sql<SqlBool>`true`;
  const org = actor.organizationId;
  if (actor.orgRoles.length === 1 && actor.orgRoles[0] === 'carrier') return sql<SqlBool>`${sql.ref(`${alias}.carrier_id`)} = ${org}`;
  if (actor.orgRoles.length === 1 && actor.orgRoles[0] === 'facility') return sql<SqlBool>`${sql.ref(`${alias}.facility_id`)} = ${org}`;
  return sql<SqlBool>`(${sql.ref(`${alias}.carrier_id`)} = ${org}
    or ${sql.ref(`${alias}.facility_id`)} = ${org}
    or ${sql.ref(`${alias}.site_id`)} = any(array(select vs.id from sites vs where vs.producer_id = ${org})))`;
}

/**
 * Predicate on a `telemetry_detections` row aliased `alias` (a trip seen on a truck's track): the
 * carrier whose vehicle it was, the producer of the site it loaded at, the organization of the
 * facility object it unloaded at; the operator all.
 */
export function detectionVisible(actor: Actor, alias = 'd'): Expression<SqlBool> {
  if (isOperator(actor)) return sql<SqlBool>`true`;
  const org = actor.organizationId;
  return sql<SqlBool>`(${sql.ref(`${alias}.carrier_id`)} = ${org}
    or exists (select 1 from sites vs where vs.id = ${sql.ref(`${alias}.site_id`)} and vs.producer_id = ${org})
    or exists (select 1 from facilities vf where vf.id = ${sql.ref(`${alias}.facility_object_id`)} and vf.organization_id = ${org}))`;
}
