/**
 * The trackers simulator: `npm run simulate -- [--trucks N] [--trips K] [--hours-ago H] [--port P] [--dumps D]`.
 * Drives N virtual trucks (terminals 860001… — the demo's tracked trucks) over EGTS to the receiver on
 * 127.0.0.1:TELEMETRY_PORT (loopback only): each makes K trips from a demo site to a demo facility —
 * loading, the drive, the body raised inside the facility — the first D trucks raise the body on the way
 * instead (a likely illegal dump). Tracks start H hours ago (default 28, so the trips are formed at once
 * by the 27-hour rule); the detection job (telemetry.detect, every minute) turns them into trips.
 * Bounded: at most 100 trucks and 20 trips each.
 */
import net from 'node:net';
import { parseArgs, intFlag } from './args.js';
import { parseConfig } from '../platform/config.js';
import { EGTS_PT, EGTS_SERVICE, EGTS_SR, encodePacket, readPacket } from '../platform/egts/codec.js';
import { DEMO_PLACES, truckTrip, type SimPoint } from '../features/telemetry/simulated-track.js';
import { DEMO_TERMINAL_BASE } from '../features/telemetry/demo.js';

const { flags } = parseArgs(process.argv.slice(2));
const trucks = Math.min(100, Math.max(1, intFlag(flags, 'trucks', 4)));
const tripsEach = Math.min(20, Math.max(1, intFlag(flags, 'trips', 2)));
const hoursAgo = Math.min(24 * 30, intFlag(flags, 'hours-ago', 28));
const dumps = Math.min(trucks, intFlag(flags, 'dumps', 0));
const port = intFlag(flags, 'port', parseConfig().telemetry.port);

// Routes the demo's permits allow: s2 → facility, s3 → facility2, s1 → facility2.
const ROUTES = [
  [DEMO_PLACES.sites.s2!, DEMO_PLACES.facilities.facility!],
  [DEMO_PLACES.sites.s3!, DEMO_PLACES.facilities.facility2!],
  [DEMO_PLACES.sites.s1!, DEMO_PLACES.facilities.facility2!],
] as const;

async function drive(truck: number): Promise<{ points: number; answered: number }> {
  const terminalId = DEMO_TERMINAL_BASE + truck + 1;
  const [site, to] = ROUTES[truck % ROUTES.length]!;
  let t = Math.floor((Date.now() - hoursAgo * 3_600_000) / 60_000) * 60_000 + truck * 7 * 60_000;
  const points: SimPoint[] = [];
  for (let k = 0; k < tripsEach; k++) {
    const trip = truckTrip(site, to, new Date(t), { stepSeconds: 30, dumpAtFraction: truck < dumps && k === 0 ? 0.5 : undefined });
    points.push(...trip);
    // Back to the site empty, off the track (a gap in coverage).
    t = trip[trip.length - 1]!.at.getTime() + 60 * 60_000;
  }
  const sock = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => sock.once('connect', resolve).once('error', reject));
  let buf = Buffer.alloc(0);
  let answered = 0;
  let sent = 0;
  let wake: (() => void) | null = null;
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const r = readPacket(buf);
      if (r.kind !== 'packet') break;
      buf = buf.subarray(r.length);
      if (r.header.packetType === EGTS_PT.RESPONSE) answered++;
      wake?.();
    }
  });
  let pid = 1;
  let rn = 1;
  const write = (p: Uint8Array) => {
    sent++;
    sock.write(p);
  };
  write(encodePacket({ packetId: pid++, packetType: EGTS_PT.APPDATA, records: [{ recordNumber: rn++, sourceService: EGTS_SERVICE.AUTH, subrecords: [{ type: EGTS_SR.TERM_IDENTITY, data: { terminalId } }] }] }));
  for (let i = 0; i < points.length; i += 10) {
    const batch = points.slice(i, i + 10);
    const packet = encodePacket({
      packetId: pid++ & 0xffff,
      packetType: EGTS_PT.APPDATA,
      records: batch.map((p) => ({
        recordNumber: rn++ & 0xffff,
        sourceService: EGTS_SERVICE.TELEDATA,
        subrecords: [
          {
            type: EGTS_SR.POS_DATA,
            data: { time: p.at, latitude: p.latitude, longitude: p.longitude, valid: true, moving: p.speed > 1, blackBox: true, fix3d: true, speed: p.speed, course: 0, odometer: 0, digitalInputs: p.bodyRaised ? 1 : 0, source: 0 },
          },
        ],
      })),
    });
    write(packet);
    // Every tenth packet sent twice (a tracker that did not hear the answer): stored once.
    if (i % 100 === 0) write(packet);
  }
  const deadline = Date.now() + 30_000;
  while (answered < sent && Date.now() < deadline) await new Promise<void>((r) => ((wake = r), setTimeout(r, 200)));
  sock.end();
  return { points: points.length, answered };
}

const started = Date.now();
const results = await Promise.all(Array.from({ length: trucks }, (_, i) => drive(i)));
const points = results.reduce((a, r) => a + r.points, 0);
console.log(
  `Симулятор: ${trucks} ТС (терминалы ${DEMO_TERMINAL_BASE + 1}…${DEMO_TERMINAL_BASE + trucks}), по ${tripsEach} рейса, ${dumps} сброса вне объектов приёма; ` +
    `отправлено точек ${points}, ответов ${results.reduce((a, r) => a + r.answered, 0)} за ${((Date.now() - started) / 1000).toFixed(1)} с. ` +
    `Рейсы сформирует задача telemetry.detect (раз в минуту).`,
);
