/**
 * What counts as moved — the one place the rules live. Every total and every
 * utilization figure (the statement's PDF and XLSX, the permit card, the
 * site card, the statement form's permit list, the API) is computed from
 * these SQL fragments, and renderers print with the labels below.
 *
 *  1. A load counts as moved (and received) only when the facility accepted
 *     it. Totals and permit utilization count accepted loads.
 *  2. Loads still awaiting the facility's decision are shown apart, never
 *     inside the moved totals.
 *  3. Rejected loads are listed apart, with the facility's reason, and never
 *     counted as moved or received — not under the facility that refused them
 *     either.
 *  4. Mass: the facility's weighed mass where it accepted the load with one;
 *     the carrier's declared mass otherwise (the documents say which).
 *  5. Volume: the declared volume (facilities confirm mass, not volume).
 *
 * The cabinet's figures "as of now" (permit card, the statement form's permit list, reminders) are
 * read from `trip_totals` (../totals), which the triggers of migration 0100 keep by these same rules;
 * `npm run recount` recomputes them with the fragments below and repairs any drift.
 *
 * "As of" a moment: a decision counts only when it was made by then
 * (statements fix their content when ordered: a decision made later leaves
 * the load awaiting in that statement). `null` means now.
 */
import { sql, type RawBuilder } from 'kysely';
import { Type } from '@sinclair/typebox';

/** A load's acceptance state. */
export type Acceptance = 'accepted' | 'awaiting' | 'rejected';
export const ACCEPTANCE_STATES: readonly Acceptance[] = ['accepted', 'awaiting', 'rejected'];

/** How the documents name the states (a trip row; a column of totals). */
export const ACCEPTANCE_LABELS: Readonly<Record<Acceptance, string>> = { accepted: 'принят', awaiting: 'ожидает решения', rejected: 'отклонён' };
export const ACCEPTANCE_HEADINGS: Readonly<Record<Acceptance, string>> = {
  accepted: 'Перемещено и принято',
  awaiting: 'Ожидают решения объекта приёма',
  rejected: 'Отклонены объектом приёма',
};

/** Where a counted mass comes from. */
export type MassSource = 'weighed' | 'declared';
export const MASS_SOURCE_LABELS: Readonly<Record<MassSource, string>> = { weighed: 'по весам объекта приёма', declared: 'заявленная перевозчиком' };

/** One state's figures: loads, volume m³ (0.01), mass t (0.001) — exact decimals as text. */
export interface Movement {
  trips: number;
  volume: string;
  mass: string;
}

/** Figures of a set of loads by acceptance state; `weighedTrips` of the accepted ones had a weighed mass. */
export interface MovementByState {
  accepted: Movement & { weighedTrips: number };
  awaiting: Movement;
  rejected: Movement;
}

export const NO_MOVEMENT: MovementByState = Object.freeze({
  accepted: { trips: 0, volume: '0.00', mass: '0.000', weighedTrips: 0 },
  awaiting: { trips: 0, volume: '0.00', mass: '0.000' },
  rejected: { trips: 0, volume: '0.00', mass: '0.000' },
});

/**
 * The rules as SQL text over trip alias `t`, with the "as of" moment given as an SQL expression
 * (a parameter placeholder such as `$7`, or a literal); `null` means now. Aliases are code constants.
 */
export const sqlText = {
  decided: (asOf: string | null, t = 't') => (asOf === null ? `${t}.received_at is not null` : `(${t}.received_at is not null and ${t}.received_at <= ${asOf})`),
  accepted: (asOf: string | null, t = 't') => `(${t}.receipt_status = 'confirmed' and ${sqlText.decided(asOf, t)})`,
  rejected: (asOf: string | null, t = 't') => `(${t}.receipt_status = 'rejected' and ${sqlText.decided(asOf, t)})`,
  awaiting: (asOf: string | null, t = 't') => `(not ${sqlText.accepted(asOf, t)} and not ${sqlText.rejected(asOf, t)})`,
  acceptance: (asOf: string | null, t = 't') =>
    `(case when ${sqlText.accepted(asOf, t)} then 'accepted' when ${sqlText.rejected(asOf, t)} then 'rejected' else 'awaiting' end)`,
  weighedMass: (asOf: string | null, t = 't') => `(case when ${sqlText.accepted(asOf, t)} then ${t}.received_mass end)`,
  countedMass: (asOf: string | null, t = 't') => `coalesce(${sqlText.weighedMass(asOf, t)}, ${t}.mass)`,
};

/** A moment as an SQL literal (an ISO string we make ourselves: safe to inline). */
const at = (asOf: Date | null): string | null => (asOf === null ? null : `'${asOf.toISOString()}'::timestamptz`);
const alias = (t: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(t)) throw new Error(`not an alias: ${t}`);
  return t;
};

/** SQL: the acceptance state of trip `t` as of `asOf`. */
export function acceptanceSql(asOf: Date | null, t = 't'): RawBuilder<Acceptance> {
  return sql.raw<Acceptance>(sqlText.acceptance(at(asOf), alias(t)));
}

/** SQL: true when trip `t` was accepted as of `asOf` — the loads that count as moved. */
export function acceptedSql(asOf: Date | null, t = 't'): RawBuilder<boolean> {
  return sql.raw<boolean>(sqlText.accepted(at(asOf), alias(t)));
}

/** SQL: true when trip `t` was rejected as of `asOf`. */
export function rejectedSql(asOf: Date | null, t = 't'): RawBuilder<boolean> {
  return sql.raw<boolean>(sqlText.rejected(at(asOf), alias(t)));
}

/** SQL: true when trip `t` awaits the facility's decision as of `asOf`. */
export function awaitingSql(asOf: Date | null, t = 't'): RawBuilder<boolean> {
  return sql.raw<boolean>(sqlText.awaiting(at(asOf), alias(t)));
}

/** SQL: the weighed mass when `t` was accepted with one (as of `asOf`), else null. */
export function weighedMassSql(asOf: Date | null, t = 't'): RawBuilder<string | null> {
  return sql.raw<string | null>(sqlText.weighedMass(at(asOf), alias(t)));
}

/** SQL: the mass counted for `t`: weighed where accepted with one, declared otherwise. */
export function countedMassSql(asOf: Date | null, t = 't'): RawBuilder<string> {
  return sql.raw<string>(sqlText.countedMass(at(asOf), alias(t)));
}

/**
 * SQL select list aggregating trips `t` by state (use inside `select … from trips t … group by …`):
 * columns a_trips, a_volume, a_mass, a_weighed, w_trips, w_volume, w_mass, r_trips, r_volume, r_mass.
 */
export function movementColumns(asOf: Date | null, t = 't'): RawBuilder<unknown> {
  const x = at(asOf);
  const a = alias(t);
  const acc = sqlText.accepted(x, a);
  const rej = sqlText.rejected(x, a);
  const wait = sqlText.awaiting(x, a);
  return sql.raw(`(count(${a}.id) filter (where ${acc}))::int as a_trips,
    coalesce(sum(${a}.volume) filter (where ${acc}), 0)::numeric(16,2)::text as a_volume,
    coalesce(sum(${sqlText.countedMass(x, a)}) filter (where ${acc}), 0)::numeric(16,3)::text as a_mass,
    (count(${a}.id) filter (where ${sqlText.weighedMass(x, a)} is not null))::int as a_weighed,
    (count(${a}.id) filter (where ${wait}))::int as w_trips,
    coalesce(sum(${a}.volume) filter (where ${wait}), 0)::numeric(16,2)::text as w_volume,
    coalesce(sum(${a}.mass) filter (where ${wait}), 0)::numeric(16,3)::text as w_mass,
    (count(${a}.id) filter (where ${rej}))::int as r_trips,
    coalesce(sum(${a}.volume) filter (where ${rej}), 0)::numeric(16,2)::text as r_volume,
    coalesce(sum(${a}.mass) filter (where ${rej}), 0)::numeric(16,3)::text as r_mass`);
}

/** The row shape `movementColumns` yields. */
export interface MovementColumns {
  a_trips: number;
  a_volume: string;
  a_mass: string;
  a_weighed: number;
  w_trips: number;
  w_volume: string;
  w_mass: string;
  r_trips: number;
  r_volume: string;
  r_mass: string;
}

/** Reads `movementColumns` of a row. */
export function movementOf(r: MovementColumns | undefined): MovementByState {
  if (!r) return NO_MOVEMENT;
  return {
    accepted: { trips: r.a_trips, volume: r.a_volume, mass: r.a_mass, weighedTrips: r.a_weighed },
    awaiting: { trips: r.w_trips, volume: r.w_volume, mass: r.w_mass },
    rejected: { trips: r.r_trips, volume: r.r_volume, mass: r.r_mass },
  };
}

/** The same rules in JavaScript, for one row already read (renderers, uploads). */
export function acceptanceOf(receiptStatus: string, receivedAt: Date | null, asOf: Date | null): Acceptance {
  const isDecided = receivedAt !== null && (asOf === null || receivedAt.getTime() <= asOf.getTime());
  if (isDecided && receiptStatus === 'confirmed') return 'accepted';
  if (isDecided && receiptStatus === 'rejected') return 'rejected';
  return 'awaiting';
}

/** One sentence on how the mass was counted, for the documents. */
export function massNote(m: MovementByState): string {
  const a = m.accepted;
  const declared = a.trips - a.weighedTrips;
  if (a.trips === 0) return 'Масса: принятых рейсов нет.';
  if (declared === 0) return `Масса принятых рейсов — ${MASS_SOURCE_LABELS.weighed} (все ${a.trips}).`;
  if (a.weighedTrips === 0) return `Масса принятых рейсов — ${MASS_SOURCE_LABELS.declared} (объект приёма массу не указал).`;
  return `Масса принятых рейсов — ${MASS_SOURCE_LABELS.weighed} для ${a.weighedTrips}, ${MASS_SOURCE_LABELS.declared} для ${declared} (объект приёма массу не указал).`;
}

// ---------------------------------------------------------------- the API shape of these figures

const MovementSchemaOf = (what: string) =>
  Type.Object({
    trips: Type.Integer({ description: `${what}: рейсов` }),
    volume: Type.String({ description: `${what}: объём, м³ (точное десятичное)` }),
    mass: Type.String({ description: `${what}: масса, т (точное десятичное)` }),
  });

/** `MovementByState` in OpenAPI. */
export const MovementByStateSchema = Type.Object(
  {
    accepted: Type.Intersect([
      MovementSchemaOf('Перемещено и принято объектом приёма'),
      Type.Object({ weighedTrips: Type.Integer({ description: 'Из них принято с массой по весам объекта приёма (масса — по весам; у остальных — заявленная)' }) }),
    ]),
    awaiting: MovementSchemaOf('Ожидают решения объекта приёма (в перемещённые не входят; масса заявленная)'),
    rejected: MovementSchemaOf('Отклонены объектом приёма (не перемещены и не приняты; масса заявленная)'),
  },
  { description: 'Что считается перемещённым: только принятые объектом приёма грузы; ожидающие решения и отклонённые — отдельно' },
);
