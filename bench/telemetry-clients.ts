/**
 * The trackers' side of `npm run bench -- telemetry`, in a process of its own so that the receiver's CPU
 * is measured apart: N EGTS connections to 127.0.0.1:PORT, each authenticating as terminal BASE + i and
 * then sending one point every PERIOD_MS for SECONDS. Prints one JSON line: sent, answered, and the lag
 * from sending a packet to its answer (the receiver answers once the point is committed), ms.
 * usage: node --import tsx bench/telemetry-clients.ts PORT N SECONDS PERIOD_MS BASE
 */
import net from 'node:net';
import { EGTS_PT, EGTS_SERVICE, EGTS_SR, encodePacket, readPacket } from '../src/platform/egts/codec.js';

const [port, n, seconds, period, base] = process.argv.slice(2).map(Number) as [number, number, number, number, number];
const lags: number[] = [];
let answered = 0;
let sent = 0;
let refused = 0;

function connect(i: number): Promise<net.Socket & { pend: Map<number, number> }> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1') as net.Socket & { pend: Map<number, number> };
    s.pend = new Map();
    let buf = Buffer.alloc(0);
    let authed = false;
    s.on('error', reject);
    s.on('data', (d) => {
      buf = buf.length ? Buffer.concat([buf, d]) : d;
      for (;;) {
        const r = readPacket(buf);
        if (r.kind !== 'packet') break;
        buf = buf.subarray(r.length);
        if (r.header.packetType !== EGTS_PT.RESPONSE) continue;
        const rpid = r.frame[0]! | (r.frame[1]! << 8);
        if (r.frame[2] !== 0) refused++;
        if (!authed) {
          authed = true;
          resolve(s);
          continue;
        }
        const st = s.pend.get(rpid);
        if (st !== undefined) {
          lags.push(Date.now() - st);
          s.pend.delete(rpid);
          answered++;
        }
      }
    });
    s.write(encodePacket({ packetId: 0, packetType: EGTS_PT.APPDATA, records: [{ recordNumber: 0, sourceService: EGTS_SERVICE.AUTH, subrecords: [{ type: EGTS_SR.TERM_IDENTITY, data: { terminalId: base + i } }] }] }));
  });
}

const clients: Array<net.Socket & { pend: Map<number, number> }> = [];
for (let i = 0; i < n; i += 500) clients.push(...(await Promise.all(Array.from({ length: Math.min(500, n - i) }, (_, k) => connect(i + k)))));
const t0 = Date.UTC(2026, 0, 1);
const end = Date.now() + seconds * 1000;
await new Promise<void>((done) => {
  clients.forEach((s, i) => {
    let k = 1;
    const tick = () => {
      if (Date.now() >= end) return;
      const id = k & 0xffff || 1;
      s.pend.set(id, Date.now());
      const time = new Date(t0 + k * Math.max(1000, period));
      s.write(
        encodePacket({
          packetId: id,
          packetType: EGTS_PT.APPDATA,
          records: [
            {
              recordNumber: k & 0xffff,
              sourceService: EGTS_SERVICE.TELEDATA,
              subrecords: [{ type: EGTS_SR.POS_DATA, data: { time, latitude: 55.7 + (i % 100) / 1e3, longitude: 37.6 + k / 1e4, valid: true, moving: true, blackBox: false, fix3d: true, speed: 30, course: 0, odometer: 0, digitalInputs: 0, source: 0 } }],
            },
          ],
        }),
      );
      sent++;
      k++;
      setTimeout(tick, period);
    };
    setTimeout(tick, (i * period) / n);
  });
  // Answers still due after the end: wait for them up to 30 s.
  const iv = setInterval(() => {
    if (Date.now() >= end && (answered >= sent || Date.now() >= end + 30_000)) {
      clearInterval(iv);
      done();
    }
  }, 100);
});
lags.sort((a, b) => a - b);
const q = (p: number) => lags[Math.min(lags.length - 1, Math.floor(lags.length * p))] ?? null;
console.log(JSON.stringify({ sent, answered, refused, lagP50Ms: q(0.5), lagP99Ms: q(0.99), lagMaxMs: lags.at(-1) ?? null }));
clients.forEach((s) => s.destroy());
process.exit(0);
