/**
 * The ГИС ЖКХ SIMULATOR: the other side of gis-adapter.ts, for the demo and
 * the tests (the real ГИС ЖКХ cannot be reached from this installation).
 * It keeps what it received in `gis_simulator_messages` (so the web process
 * and the worker see one simulator), answers like ГИС ЖКХ:
 *
 *  - the same transport GUID sent again is the same message (the same message GUID);
 *  - the first state request says «processing», the next ones «processed»;
 *  - the result follows rules that stand in for ГИС ЖКХ's checks:
 *      · a house whose cadastral number starts with «00:» is not found
 *        (SRV007001 «Дом не найден в ГИС ЖКХ»);
 *      · a protocol without decisions or without its file is refused (INT004001 / INT004002);
 *      · a company whose ИНН ends with «00» has not granted the access rights
 *        (checkAccessRights; an upload from it is refused with AUT011003);
 *      · otherwise the protocol is accepted with a new protocol GUID.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/pool.js';
import type { GisError, GisHousingClient, GisProtocolRequest, GisState } from './gis-adapter.js';

export function gisSimulator(db: Db): GisHousingClient {
  const judge = (r: GisProtocolRequest): GisState => {
    const errors: GisError[] = [];
    if (r.company.inn.endsWith('00')) errors.push({ code: 'AUT011003', description: 'Нет прав доступа: организация не предоставила права оператору информационной системы' });
    if (r.house.cadastralNumber.startsWith('00:')) errors.push({ code: 'SRV007001', description: `Дом не найден в ГИС ЖКХ по кадастровому номеру ${r.house.cadastralNumber}` });
    if (!r.protocol.decisions.length) errors.push({ code: 'INT004001', description: 'Протокол не содержит решений по вопросам повестки дня' });
    if (!r.files.some((f) => f.kind === 'protocol')) errors.push({ code: 'INT004002', description: 'Не приложен файл протокола' });
    return errors.length ? { state: 'processed', ok: false, errors } : { state: 'processed', ok: true, protocolGuid: crypto.randomUUID() };
  };
  return {
    kind: 'simulator',
    name: 'Симулятор ГИС ЖКХ',
    async checkAccessRights(company) {
      return company.inn.endsWith('00') ? { granted: false, reason: 'Права доступа оператору информационной системы в ГИС ЖКХ не предоставлены (симулятор)' } : { granted: true };
    },
    async importVotingProtocol(request) {
      const row = await db
        .insertInto('gis_simulator_messages')
        .values({ transport_guid: request.transportGuid, message_guid: crypto.randomUUID(), org_inn: request.company.inn, request: JSON.stringify(request), result: JSON.stringify(judge(request)) })
        .onConflict((oc) => oc.column('transport_guid').doNothing())
        .returning('message_guid')
        .executeTakeFirst();
      const guid = row?.message_guid ?? (await db.selectFrom('gis_simulator_messages').select('message_guid').where('transport_guid', '=', request.transportGuid).executeTakeFirstOrThrow()).message_guid;
      return { messageGuid: guid };
    },
    async getState(messageGuid) {
      const r = await sql<{ polls: number; result: GisState }>`update gis_simulator_messages set polls = polls + 1 where message_guid = ${messageGuid} returning polls, result`.execute(db);
      const row = r.rows[0];
      if (!row) return { state: 'processed', ok: false, errors: [{ code: 'INT002012', description: 'Сообщение с таким идентификатором не найдено' }] };
      return row.polls < 2 ? { state: 'processing' } : row.result;
    },
  };
}
