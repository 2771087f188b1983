/**
 * The receiver over real TCP: EGTS and Wialon IPS clients, answers per packet and record, broken
 * packets refused on a connection that stays open, duplicates stored once, unknown terminals apart.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { EGTS_PC, EGTS_PT, EGTS_SERVICE, EGTS_SR, decodeFrame, encodePacket, readPacket, type PosData } from '../../platform/egts/codec.js';
import { startReceiver, type Receiver } from './receiver.js';

let ctx: TestContext;
let rx: Receiver;
let vehicleId: string;

beforeAll(async () => {
  ctx = await createTestContext({}, { TELEMETRY_FLUSH_MS: '20' });
  const org = await ctx.pool.query<{ id: string }>(`insert into organizations (kind, inn, name, roles) values ('legal', '7707083893', 'Перевозчик', '{carrier}') returning id`);
  const v = await ctx.pool.query<{ id: string }>(`insert into vehicles (carrier_id, plate, terminal_number) values ($1, 'А123ВС77', '133552') returning id`, [org.rows[0]!.id]);
  vehicleId = v.rows[0]!.id;
  rx = await startReceiver(ctx, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await rx?.close();
  await ctx?.close();
});

/** A TCP client that collects what the server answers. */
class Client {
  readonly socket: net.Socket;
  private buf = Buffer.alloc(0);
  private waiting: Array<() => void> = [];
  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.waiting.splice(0).forEach((f) => f());
    });
  }
  send(b: Uint8Array | string) {
    this.socket.write(b);
  }
  private async until<T>(take: () => T | null): Promise<T> {
    for (;;) {
      const v = take();
      if (v !== null) return v;
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }
  /** The next EGTS packet from the server, decoded. */
  packet() {
    return this.until(() => {
      const r = readPacket(this.buf);
      if (r.kind !== 'packet') return null;
      this.buf = this.buf.subarray(r.length);
      return { header: r.header, ...decodeFrame(r.header.packetType, r.frame) };
    });
  }
  line() {
    return this.until(() => {
      const i = this.buf.indexOf('\r\n');
      if (i === -1) return null;
      const s = this.buf.subarray(0, i).toString();
      this.buf = this.buf.subarray(i + 2);
      return s;
    });
  }
  close() {
    this.socket.destroy();
  }
}

const pos = (t: string, lat: number, lon: number, body = false): PosData => ({
  time: new Date(t),
  latitude: lat,
  longitude: lon,
  valid: true,
  moving: true,
  blackBox: false,
  fix3d: true,
  speed: 30,
  course: 90,
  odometer: 0,
  digitalInputs: body ? 1 : 0,
  source: 0,
});

const identity = (pid: number, tid: number) =>
  encodePacket({ packetId: pid, packetType: EGTS_PT.APPDATA, records: [{ recordNumber: 1, sourceService: EGTS_SERVICE.AUTH, subrecords: [{ type: EGTS_SR.TERM_IDENTITY, data: { terminalId: tid } }] }] });
const teledata = (pid: number, firstRn: number, points: PosData[]) =>
  encodePacket({
    packetId: pid,
    packetType: EGTS_PT.APPDATA,
    records: points.map((p, i) => ({ recordNumber: firstRn + i, sourceService: EGTS_SERVICE.TELEDATA, subrecords: [{ type: EGTS_SR.POS_DATA, data: p }] })),
  });

describe('EGTS receiver', () => {
  it('authenticates, answers every packet and record, stores points once, refuses broken packets and keeps the connection', async () => {
    const c = new Client(rx.port);
    c.send(identity(10, 133552));
    const a1 = await c.packet();
    expect(a1.header.packetType).toBe(EGTS_PT.RESPONSE);
    expect(a1.response).toEqual({ packetId: 10, result: EGTS_PC.OK });
    expect(a1.records.map((r) => r.record!.subrecords[0]!.data)).toEqual([{ confirmedRecord: 1, status: 0 }]);
    const result = await c.packet();
    expect(result.records[0]!.record!.subrecords[0]).toEqual({ type: EGTS_SR.RESULT_CODE, data: { code: 0 } });

    const pts = [pos('2026-12-04T08:00:00Z', 55.75, 37.61), pos('2026-12-04T08:00:10Z', 55.751, 37.612, true)];
    c.send(teledata(11, 2, pts));
    const a2 = await c.packet();
    expect(a2.response).toEqual({ packetId: 11, result: 0 });
    expect(a2.records.map((r) => (r.record!.subrecords[0]!.data as { confirmedRecord: number }).confirmedRecord)).toEqual([2, 3]);

    // A header checksum error, then a frame checksum error: refused, the connection still serves.
    const broken = Buffer.from(teledata(12, 4, [pos('2026-12-04T08:00:20Z', 55.752, 37.613)]));
    const badHeader = Buffer.from(broken);
    badHeader[10]! ^= 0xff;
    c.send(badHeader);
    const badFrame = Buffer.from(broken);
    badFrame[20]! ^= 0x01;
    c.send(badFrame);
    const a3 = await c.packet();
    expect(a3.response).toEqual({ packetId: 12, result: EGTS_PC.DATACRC_ERROR });
    // Resent whole and a duplicate of an earlier packet, split across two writes.
    const again = Buffer.concat([broken, teledata(13, 5, pts)]);
    c.send(again.subarray(0, 17));
    c.send(again.subarray(17));
    expect((await c.packet()).response).toEqual({ packetId: 12, result: 0 });
    expect((await c.packet()).response).toEqual({ packetId: 13, result: 0 });
    c.close();

    const rows = await ctx.pool.query(`select terminal, vehicle_id, at, body_raised, latitude from telemetry_points where terminal = '133552' order by at`);
    expect(rows.rows.map((r) => [r.vehicle_id, r.at.toISOString(), r.body_raised])).toEqual([
      [vehicleId, '2026-12-04T08:00:00.000Z', false],
      [vehicleId, '2026-12-04T08:00:10.000Z', true],
      [vehicleId, '2026-12-04T08:00:20.000Z', false],
    ]);
    expect(rows.rows[0].latitude).toBeCloseTo(55.75, 6);
    const raw = await ctx.pool.query(`select result, count(*)::int as n from telemetry_raw_packets where protocol = 'egts' group by result order by result`);
    expect(raw.rows).toEqual(
      expect.arrayContaining([
        { result: 0, n: 4 },
        { result: EGTS_PC.DATACRC_ERROR, n: 1 },
        { result: EGTS_PC.HEADERCRC_ERROR, n: 1 }, // the skipped bytes of the broken header, as one row
      ]),
    );
  });

  it('teledata before authentication is refused per record; an unknown terminal is kept apart, never lost', async () => {
    const c = new Client(rx.port);
    c.send(teledata(1, 1, [pos('2026-12-04T09:00:00Z', 55.7, 37.5)]));
    const a = await c.packet();
    expect(a.response).toEqual({ packetId: 1, result: 0 });
    expect(a.records[0]!.record!.subrecords[0]!.data).toEqual({ confirmedRecord: 1, status: EGTS_PC.AUTH_DENIED });
    c.send(identity(2, 999001));
    await c.packet();
    await c.packet();
    c.send(teledata(3, 2, [pos('2026-12-04T09:00:00Z', 55.7, 37.5), pos('2026-12-04T09:00:05Z', 55.71, 37.51)]));
    expect((await c.packet()).response).toEqual({ packetId: 3, result: 0 });
    c.close();
    const pts = await ctx.pool.query(`select vehicle_id from telemetry_points where terminal = '999001'`);
    expect(pts.rows).toEqual([{ vehicle_id: null }, { vehicle_id: null }]);
    const u = await ctx.pool.query(`select terminal, protocol, points::int, last_latitude from telemetry_unknown_terminals where terminal = '999001'`);
    expect(u.rows[0]).toMatchObject({ terminal: '999001', protocol: 'egts', points: 2 });
    expect(u.rows[0].last_latitude).toBeCloseTo(55.71, 6);
  });

  it('an object id in the record names the terminal without authentication (as retranslators send)', async () => {
    const c = new Client(rx.port);
    c.send(
      encodePacket({
        packetId: 7,
        packetType: EGTS_PT.APPDATA,
        records: [{ recordNumber: 9, sourceService: 2, objectId: 133552, subrecords: [{ type: EGTS_SR.POS_DATA, data: pos('2026-12-04T10:00:00Z', 55.6, 37.6) }] }],
      }),
    );
    const a = await c.packet();
    expect(a.records[0]!.record!.subrecords[0]!.data).toEqual({ confirmedRecord: 9, status: 0 });
    c.close();
    const r = await ctx.pool.query(`select vehicle_id from telemetry_points where terminal = '133552' and at = '2026-12-04T10:00:00Z'`);
    expect(r.rows).toEqual([{ vehicle_id: vehicleId }]);
  });
});

describe('Wialon IPS receiver', () => {
  it('login, data, short data, black box and refusals on one connection', async () => {
    const c = new Client(rx.port);
    c.send('#SD#041226;110000;5545.0000;N;03737.0000;E;0;0;0;5\r\n');
    expect(await c.line()).toBe('#ASD#-1'); // no login yet
    c.send('#L#133552;NA\r\n');
    expect(await c.line()).toBe('#AL#1');
    c.send('#D#041226;110000;5545.0000;N;03737.0000;E;12;90;150;9;0.9;1;0;;NA;\r\n#SD#041226;110010;5545.1000;N;03737.1000;E;10;90;150;9\r\n');
    expect(await c.line()).toBe('#AD#1');
    expect(await c.line()).toBe('#ASD#1');
    c.send('#SD#041226;110020;5599.0000;N;03737.1000;E;10;90;150;9\r\n');
    expect(await c.line()).toBe('#ASD#10');
    c.send('#B#041226;110030;5545.2000;N;03737.2000;E;10;90;150;9|041226;110000;5545.0000;N;03737.0000;E;12;90;150;9\r\n');
    expect(await c.line()).toBe('#AB#2');
    c.close();
    const r = await ctx.pool.query(`select at, body_raised, protocol from telemetry_points where terminal = '133552' and at >= '2026-12-04T11:00:00Z' order by at`);
    expect(r.rows.map((x) => [x.at.toISOString(), x.body_raised, x.protocol])).toEqual([
      ['2026-12-04T11:00:00.000Z', true, 'wialon'],
      ['2026-12-04T11:00:10.000Z', null, 'wialon'],
      ['2026-12-04T11:00:30.000Z', null, 'wialon'],
    ]);
  });
});

describe('partitions', () => {
  it('points land in monthly partitions; a month made later takes its rows from the default partition', async () => {
    await ctx.pool.query(`insert into telemetry_points (terminal, at, received_at, latitude, longitude, protocol) values ('x1', '2031-05-10T00:00:00Z', now(), 1, 1, 'egts')`);
    expect((await ctx.pool.query(`select count(*)::int as n from telemetry_points_default`)).rows[0].n).toBeGreaterThan(0);
    await ctx.pool.query(`select telemetry_ensure_partitions('2031-05-01', 1)`);
    expect((await ctx.pool.query(`select count(*)::int as n from telemetry_points_203105`)).rows[0].n).toBe(1);
    expect((await ctx.pool.query(`select count(*)::int as n from telemetry_points_default where at >= '2031-05-01'`)).rows[0].n).toBe(0);
  });
});

describe('upkeep', () => {
  it('removes raw packets older than TELEMETRY_RAW_DAYS and keeps the rest', async () => {
    const { maintainTelemetry } = await import('./jobs.js');
    const now = ctx.now();
    await ctx.pool.query(
      `insert into telemetry_raw_packets (received_at, protocol, remote, result, bytes) values ($1, 'egts', 't', 0, '\\x01'), ($2, 'egts', 't', 0, '\\x02')`,
      [new Date(now.getTime() - 91 * 86_400_000), new Date(now.getTime() - 89 * 86_400_000)],
    );
    const r = await maintainTelemetry(ctx);
    expect(r.rawRemoved).toBe(1);
    const left = await ctx.pool.query(`select count(*)::int as n from telemetry_raw_packets where remote = 't'`);
    expect(left.rows[0].n).toBe(1);
  });
});
