/**
 * Demo step (AFTER_DEMO_SEED) of the registers: a receiving facility whose
 * access the operator suspended (a second facility of АО «Полигон «Северный»»,
 * registered by its head, then suspended with a reason), and a vehicle that
 * moved between carriers (the operator's transfer of a vehicle of
 * ООО «МосАвтоВывоз» to ООО «ТрансГрунт»). Made through the register's
 * use-cases, so history, audit and notices are real.
 */
import type { AppContext } from '../../platform/context.js';
import { loadActor, type Actor } from '../../platform/http/auth.js';
import type { DemoSeedInfo } from '../demo/types.js';
import { transferVehicle } from '../vehicles/register-vehicle.js';
import { createFacility, setFacilityStatus } from './register-facility.js';

async function headOf(ctx: AppContext, orgId: string): Promise<Actor> {
  const m = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.full_name'])
    .where('m.organization_id', '=', orgId)
    .where('m.role', '=', 'head')
    .executeTakeFirstOrThrow();
  const a = await loadActor(ctx.db, { personId: m.id, personName: m.full_name, sessionId: null, tokenId: null, organizationId: orgId }, orgId);
  if (!a) throw new Error('demo: no head');
  return a;
}

export async function registersDemoHook(ctx: AppContext, info: DemoSeedInfo): Promise<void> {
  const facility2 = info.orgIds.get('facility2');
  const operatorId = info.orgIds.get('operator');
  const carrier = info.orgIds.get('carrier');
  const carrier2 = info.orgIds.get('carrier2');
  if (!facility2 || !operatorId || !carrier || !carrier2) return;
  const operator = await headOf(ctx, operatorId);
  const owner = await headOf(ctx, facility2);
  const made = await ctx.db.transaction().execute((trx) =>
    createFacility(trx, {
      ctx,
      actor: owner,
      input: {
        name: 'Полигон «Южный»',
        address: 'Московская обл., г.о. Домодедово, 47-й км автодороги М-4 «Дон»',
        kind: 'disposal',
        wasteCodes: ['81110001495', '81111111494', '81220101205', '82220101215'],
        dailyCapacityT: '4000',
        workingHours: 'ежедневно с 7:00 до 23:00',
        licenceNumber: '(77)-500123-СТОУР/П',
        licenceIssuedOn: '2021-06-15',
      },
    }),
  );
  await ctx.db.transaction().execute((trx) =>
    setFacilityStatus(trx, {
      ctx,
      actor: operator,
      id: made.id,
      status: 'suspended',
      reason: 'Предписание Росприроднадзора об устранении нарушений при размещении отходов; приём приостановлен до его исполнения',
    }),
  );
  // A vehicle of the second carrier moved to the first (a sale; the seller could not release it itself).
  const moved = await ctx.db.selectFrom('vehicles').select('id').where('carrier_id', '=', carrier2).orderBy('plate', 'desc').executeTakeFirst();
  const toInn = (await ctx.db.selectFrom('organizations').select('inn').where('id', '=', carrier).executeTakeFirstOrThrow()).inn;
  if (moved) {
    await ctx.db.transaction().execute((trx) =>
      transferVehicle(trx, { ctx, actor: operator, id: moved.id, toInn, reason: 'Договор купли-продажи ТС от 02.03.2026 № 14; прежний владелец не снял ТС с учёта' }),
    );
  }
  info.log('реестры: приостановленный объект приёма и ТС, переданное другому перевозчику');
}
