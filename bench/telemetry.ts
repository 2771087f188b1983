/**
 * Telemetry load: N EGTS trackers over loopback, each authenticating and then sending one point every PERIOD_MS
 * for SECONDS; prints points/s stored, lag from sending a packet to its answer (the answer leaves once the point is
 * committed) p50/p99, CPU of this process (clients and receiver together) and peak RSS. Not yet a case of
 * `npm run bench`.
 */
import net from 'node:net';
import { parseConfig } from '../src/platform/config.js';
import { createContext } from '../src/platform/bootstrap.js';
import { startReceiver } from '../src/features/telemetry/receiver.js';
import { EGTS_PT, EGTS_SR, encodePacket, readPacket } from '../src/platform/egts/codec.js';

const N = Number(process.argv[2] ?? 2000), SECONDS = Number(process.argv[3] ?? 30), PERIOD = Number(process.argv[4] ?? 1000);
// usage: node --import tsx bench/telemetry.ts TRACKERS SECONDS PERIOD_MS DATABASE_URL (a migrated scratch database: its telemetry tables are emptied)
const url = process.argv[5] ?? 'postgres://postgres@127.0.0.1:5432/tel_smoke';
const config = parseConfig({ DATABASE_URL: url, DEMO: 'false', LOG_LEVEL: 'silent' });
const ctx = createContext(config, url, 8) as any;
await ctx.pool.query('truncate telemetry_points, telemetry_raw_packets, telemetry_unknown_terminals');
const rx = await startReceiver(ctx, { port: 0, host: '127.0.0.1' });
const lags: number[] = [];
let answered = 0, sent = 0;
const cpu0 = process.cpuUsage();
const clients = await Promise.all(Array.from({ length: N }, (_, i) => new Promise<net.Socket>((res) => {
  const s = net.connect(rx.port, '127.0.0.1', () => res(s));
  let buf = Buffer.alloc(0);
  const pending = new Map<number, number>();
  (s as any).pend = pending;
  s.on('data', (d) => { buf = Buffer.concat([buf, d]); for (;;) { const r = readPacket(buf); if (r.kind !== 'packet') break; buf = buf.subarray(r.length);
    if (r.header.packetType === 0) { const rp = r.frame[0]! | (r.frame[1]! << 8); const st = pending.get(rp); if (st !== undefined) { lags.push(Date.now() - st); pending.delete(rp); answered++; } } } });
  s.write(encodePacket({ packetId: 0, packetType: 1, records: [{ recordNumber: 0, sourceService: 1, subrecords: [{ type: EGTS_SR.TERM_IDENTITY, data: { terminalId: 1_000_000 + i } }] }] }));
})));
let peakRss = 0;
await new Promise((r) => setTimeout(r, 3000));
const end = Date.now() + SECONDS * 1000;
let pid = 1;
const start = Date.now();
await new Promise<void>((done) => {
  clients.forEach((s, i) => {
    let k = 0;
    const tick = () => {
      if (Date.now() >= end) return;
      const id = (pid++ & 0xffff) || 1;
      (s as any).pend.set(id, Date.now());
      s.write(encodePacket({ packetId: id, packetType: EGTS_PT.APPDATA, records: [{ recordNumber: k++ & 0xffff, sourceService: 2, subrecords: [{ type: EGTS_SR.POS_DATA, data: { time: new Date(Date.UTC(2026, 11, 4, 8) + k * 1000), latitude: 55.7 + i / 1e5, longitude: 37.6, valid: true, moving: true, blackBox: false, fix3d: true, speed: 30, course: 0, odometer: 0, digitalInputs: 0, source: 0 } }] }] }));
      sent++;
      setTimeout(tick, PERIOD);
    };
    setTimeout(tick, (i * PERIOD) / N);
  });
  const iv = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); if (Date.now() >= end + 5000) { clearInterval(iv); done(); } }, 200);
});
const secs = (end - start) / 1000;
const cpu = process.cpuUsage(cpu0);
lags.sort((a, b) => a - b);
const stored = (await ctx.pool.query('select count(*)::int n from telemetry_points')).rows[0].n;
console.log(JSON.stringify({ case: 'telemetry', trackers: N, periodMs: PERIOD, seconds: secs, sent, answered, stored, pointsPerSecond: +(stored / secs).toFixed(0), lagP50Ms: lags[Math.floor(lags.length * 0.5)], lagP99Ms: lags[Math.floor(lags.length * 0.99)], lagMaxMs: lags.at(-1), cpuSecondsClientAndServer: +((cpu.user + cpu.system) / 1e6).toFixed(1), peakRssMb: Math.round(peakRss / 1e6), batches: rx.writer.stats.batches }));
clients.forEach((s) => s.destroy());
await rx.close();
await ctx.pool.end?.();
process.exit(0);
