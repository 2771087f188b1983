/**
 * The trackers' receiver: one TCP port for EGTS (binary, first byte 0x01) and Wialon IPS (text, first
 * byte '#'). Every EGTS packet is answered with EGTS_PT_RESPONSE and every record with
 * EGTS_SR_RECORD_RESPONSE once what it carried is stored (TelemetryWriter); a broken packet is refused
 * with its result code and the connection stays open for the next one. The terminal is matched to a
 * vehicle by the vehicles' terminal_number; points of a terminal no vehicle names are stored all the
 * same (vehicle_id null) and the terminal is listed for the operator.
 */
import net from 'node:net';
import type { AppContext } from '../../platform/context.js';
import {
  EGTS_PC,
  EGTS_PT,
  EGTS_SERVICE,
  EGTS_SR,
  EgtsError,
  decodeFrame,
  encodePacket,
  encodeResponse,
  readPacket,
  type PosData,
  type TermIdentity,
} from '../../platform/egts/codec.js';
import { parseIpsLine } from '../../platform/wialon/ips.js';
import { TelemetryWriter, type PointRow, type RawRow } from './writer.js';

const IDLE_MS = 10 * 60_000;
const MAX_LINE = 64 * 1024;
const TERMINAL_TTL_MS = 30_000;

/** Terminal number → vehicle, cached briefly (a vehicle given a terminal is picked up within TERMINAL_TTL_MS). */
export class TerminalDirectory {
  private cache = new Map<string, { vehicleId: string | null; until: number }>();
  constructor(private readonly ctx: AppContext) {}
  async resolve(candidates: string[]): Promise<{ terminal: string; vehicleId: string | null }> {
    const now = Date.now();
    const valid = candidates.filter((c) => c !== '');
    for (const c of valid) {
      const hit = this.cache.get(c);
      if (hit && hit.until > now && hit.vehicleId) return { terminal: c, vehicleId: hit.vehicleId };
    }
    if (valid.every((c) => (this.cache.get(c)?.until ?? 0) > now)) return { terminal: valid[0] ?? '', vehicleId: null };
    const r = await this.ctx.pool.query<{ id: string; terminal_number: string }>(
      'select id, terminal_number from vehicles where terminal_number = any($1::text[])',
      [valid],
    );
    for (const c of valid) this.cache.set(c, { vehicleId: r.rows.find((x) => x.terminal_number === c)?.id ?? null, until: now + TERMINAL_TTL_MS });
    const found = valid.find((c) => r.rows.some((x) => x.terminal_number === c));
    return found ? { terminal: found, vehicleId: this.cache.get(found)!.vehicleId } : { terminal: valid[0] ?? '', vehicleId: null };
  }
}

export interface Receiver {
  port: number;
  writer: TelemetryWriter;
  close(): Promise<void>;
}

export async function startReceiver(
  ctx: AppContext,
  opts: { port?: number; host?: string; onBatch?: (vehicleIds: Set<string>) => void; log?: (msg: string) => void } = {},
): Promise<Receiver> {
  const writer = new TelemetryWriter(ctx.pool, { flushMs: ctx.config.telemetry.flushMs, onBatch: opts.onBatch });
  const directory = new TerminalDirectory(ctx);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.setTimeout(IDLE_MS, () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`;
    let session: ((chunk: Buffer) => Promise<void>) | null = null;
    let chain = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      if (!session) session = chunk[0] === 0x23 ? wialonSession(ctx, socket, remote, writer, directory) : egtsSession(ctx, socket, remote, writer, directory);
      const handle = session;
      // One chunk at a time, in order: answers go out in the order packets came.
      socket.pause();
      chain = chain
        .then(() => handle(chunk))
        .catch((e: unknown) => {
          opts.log?.(`telemetry: ${remote}: ${e instanceof Error ? e.message : String(e)}`);
        })
        .finally(() => {
          if (!socket.destroyed) socket.resume();
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? ctx.config.telemetry.port, opts.host ?? ctx.config.host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    writer,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      await writer.close();
    },
  };
}

/** One received position as the writer stores it, from either protocol. */
function pointRow(
  who: Pick<PointRow, 'terminal' | 'vehicleId'>,
  receivedAt: Date,
  protocol: PointRow['protocol'],
  p: { time: Date; latitude: number; longitude: number; speed: number; course: number },
  state: Pick<PointRow, 'valid' | 'bodyRaised'>,
): PointRow {
  return { terminal: who.terminal, at: p.time, vehicleId: who.vehicleId, receivedAt, latitude: p.latitude, longitude: p.longitude, speed: p.speed, course: p.course, valid: state.valid, bodyRaised: state.bodyRaised, protocol };
}

const send = (socket: net.Socket, b: Uint8Array | string) => {
  if (!socket.destroyed) socket.write(b);
};

function egtsSession(ctx: AppContext, socket: net.Socket, remote: string, writer: TelemetryWriter, directory: TerminalDirectory) {
  let buf: Buffer = Buffer.alloc(0);
  let pid = 0;
  let rn = 0;
  let terminal: { terminal: string; vehicleId: string | null } | null = null;
  const bodyBit = 1 << (ctx.config.telemetry.bodyInput - 1);
  let skipped: Uint8Array[] = [];
  let skippedCode: number | null = null;

  const respond = (answeredPacketId: number, result: number, records: Array<{ recordNumber: number; sourceService: number; status: number }>) => {
    send(socket, encodeResponse({ packetId: pid, answeredPacketId, result, records, firstRecordNumber: rn }));
    pid = (pid + 1) & 0xffff;
    rn = (rn + records.length) & 0xffff;
  };

  return async (chunk: Buffer) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      const r = readPacket(buf);
      if (r.kind === 'more') {
        if (buf.length > 70_000) {
          // Longer than any packet can be: not EGTS; dropped and kept as one raw row.
          skipped.push(buf);
          skippedCode ??= EGTS_PC.INC_HEADERFORM;
          buf = Buffer.alloc(0);
        }
        break;
      }
      const receivedAt = ctx.now();
      if (r.kind === 'bad' && r.packetId === null) {
        // No header to trust: skip a byte and look for the next packet; the skipped bytes are kept as one raw row.
        skipped.push(buf.subarray(0, r.length));
        skippedCode ??= r.code;
        buf = buf.subarray(r.length);
        continue;
      }
      if (skipped.length > 0) {
        await writer.add([], [{ receivedAt, protocol: 'egts', terminal: terminal?.terminal ?? null, remote, result: skippedCode!, bytes: Buffer.concat(skipped) }]);
        skipped = [];
        skippedCode = null;
      }
      if (r.kind === 'bad') {
        await writer.add([], [{ receivedAt, protocol: 'egts', terminal: terminal?.terminal ?? null, remote, result: r.code, bytes: Buffer.from(r.bytes) }]);
        respond(r.packetId!, r.code, []);
        buf = buf.subarray(r.length);
        continue;
      }
      const bytes = Buffer.from(r.bytes);
      buf = buf.subarray(r.length);
      if (r.header.packetType === EGTS_PT.RESPONSE) continue; // the terminal's answer to our result code
      let frame;
      try {
        frame = decodeFrame(r.header.packetType, r.frame);
      } catch (e) {
        if (!(e instanceof EgtsError)) throw e;
        await writer.add([], [{ receivedAt, protocol: 'egts', terminal: terminal?.terminal ?? null, remote, result: e.code, bytes }]);
        respond(r.header.packetId, e.code, []);
        continue;
      }
      const points: PointRow[] = [];
      const answers: Array<{ recordNumber: number; sourceService: number; status: number }> = [];
      let authenticated = false;
      for (const rec of frame.records) {
        let status = rec.status;
        const record = rec.record;
        if (status === EGTS_PC.OK && record) {
          if (record.sourceService === EGTS_SERVICE.AUTH) {
            const id = record.subrecords.find((s) => s.type === EGTS_SR.TERM_IDENTITY)?.data as TermIdentity | undefined;
            if (id) {
              terminal = await directory.resolve([String(id.terminalId), id.imei ?? '']);
              authenticated = true;
            }
          } else if (record.sourceService === EGTS_SERVICE.TELEDATA) {
            const who = record.objectId !== undefined && String(record.objectId) !== terminal?.terminal ? await directory.resolve([String(record.objectId)]) : terminal;
            if (!who) status = EGTS_PC.AUTH_DENIED;
            else {
              for (const s of record.subrecords) {
                if (s.type !== EGTS_SR.POS_DATA) continue;
                const p = s.data as PosData;
                points.push(pointRow(who, receivedAt, 'egts', p, { valid: p.valid, bodyRaised: (p.digitalInputs & bodyBit) !== 0 }));
              }
            }
          } else if (!record.subrecords.every((s) => s.type === EGTS_SR.RECORD_RESPONSE)) {
            status = EGTS_PC.SRVC_NFOUND;
          }
        }
        answers.push({ recordNumber: rec.recordNumber, sourceService: rec.sourceService, status });
      }
      try {
        await writer.add(points, [{ receivedAt, protocol: 'egts', terminal: terminal?.terminal ?? null, remote, result: EGTS_PC.OK, bytes }]);
      } catch {
        // Not stored: no confirmation, so the terminal sends the packet again.
        respond(r.header.packetId, 155 /* EGTS_PC_IO_ERROR */, []);
        continue;
      }
      respond(r.header.packetId, EGTS_PC.OK, answers);
      if (authenticated) {
        // The authentication service's result (EGTS_SR_RESULT_CODE): the terminal may send its data.
        send(
          socket,
          encodePacket({
            packetId: pid,
            packetType: EGTS_PT.APPDATA,
            records: [{ recordNumber: rn, sourceService: EGTS_SERVICE.AUTH, sourceOnDevice: false, subrecords: [{ type: EGTS_SR.RESULT_CODE, data: { code: EGTS_PC.OK } }] }],
          }),
        );
        pid = (pid + 1) & 0xffff;
        rn = (rn + 1) & 0xffff;
      }
    }
  };
}

function wialonSession(ctx: AppContext, socket: net.Socket, remote: string, writer: TelemetryWriter, directory: TerminalDirectory) {
  let pending = '';
  let version: '1.1' | '2.0' = '1.1';
  let terminal: { terminal: string; vehicleId: string | null } | null = null;
  const bodyBit = 1 << (ctx.config.telemetry.bodyInput - 1);
  return async (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    let i: number;
    while ((i = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, i).replace(/\r$/, '');
      pending = pending.slice(i + 1);
      if (line === '') continue;
      const receivedAt = ctx.now();
      const msg = parseIpsLine(line, version, receivedAt);
      const raw: RawRow = { receivedAt, protocol: 'wialon', terminal: terminal?.terminal ?? null, remote, result: msg.ok ? 0 : 1, bytes: Buffer.from(line, 'utf8') };
      if (msg.type === 'login') {
        if (msg.ok) {
          version = msg.version;
          terminal = await directory.resolve([msg.imei]);
          raw.terminal = terminal.terminal;
        }
        await writer.add([], [raw]);
        send(socket, msg.answer + '\r\n');
      } else if (msg.type === 'data') {
        if (!terminal) {
          await writer.add([], [{ ...raw, result: 1 }]);
          send(socket, (line.startsWith('#SD#') ? '#ASD#-1' : line.startsWith('#B#') ? '#AB#0' : '#AD#-1') + '\r\n');
          continue;
        }
        const who = terminal;
        const points = msg.points.map((p) => pointRow(who, receivedAt, 'wialon', p, { valid: true, bodyRaised: p.inputs === null ? null : (p.inputs & bodyBit) !== 0 }));
        try {
          await writer.add(points, [raw]);
        } catch {
          continue; // unanswered: the tracker sends it again
        }
        send(socket, msg.answer + '\r\n');
      } else if (msg.type === 'ping') {
        send(socket, msg.answer + '\r\n');
      } else {
        await writer.add([], [raw]);
      }
    }
    if (pending.length > MAX_LINE) pending = ''; // a line without end: dropped, the connection kept
  };
}
