/**
 * Wialon IPS (versions 1.1 and 2.0), the common text protocol of trackers: lines `#TYPE#body\r\n`.
 * Parses login (#L#), short data (#SD#), data (#D#), black box (#B#) and ping (#P#) messages and
 * says what to answer (#AL#, #ASD#, #AD#, #AB#, #AP#) with the protocol's result codes. Pure: no I/O.
 */

export interface IpsPoint {
  time: Date;
  latitude: number;
  longitude: number;
  /** km/h */
  speed: number;
  course: number;
  altitude: number | null;
  satellites: number | null;
  hdop: number | null;
  /** Digital inputs as a bit field (bit 0 = input 1). */
  inputs: number | null;
  outputs: number | null;
  params: Record<string, number | string>;
}

export type IpsMessage =
  | { type: 'login'; version: '1.1' | '2.0'; imei: string; password: string | null; answer: string; ok: boolean }
  | { type: 'data'; points: IpsPoint[]; answer: string; ok: boolean; refused: number }
  | { type: 'ping'; answer: string; ok: true }
  | { type: 'unknown'; answer: null; ok: false };

/** CRC-16 (ARC: polynomial 0xA001 reflected, initial 0) of Wialon IPS 2.0. */
export function ipsCrc16(s: string): number {
  let crc = 0;
  for (const b of Buffer.from(s, 'utf8')) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

class Refusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function coordinate(value: string, hemi: string, degDigits: 2 | 3, pos: string, neg: string, max: number): number {
  if (!/^\d+(\.\d+)?$/.test(value) || value.indexOf('.') !== -1 && value.indexOf('.') < degDigits + 2) throw new Refusal('10');
  const deg = Number(value.slice(0, degDigits));
  const min = Number(value.slice(degDigits));
  if (!(min < 60) || hemi !== pos && hemi !== neg) throw new Refusal('10');
  const v = deg + min / 60;
  if (v > max) throw new Refusal('10');
  return hemi === neg ? -v : v;
}

const num = (s: string | undefined, code: string, int = false): number | null => {
  if (s === undefined || s === '' || s === 'NA') return null;
  if (!(int ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(s)) throw new Refusal(code);
  return Number(s);
};

/** Fields of #SD# / #D# (after the type, without the CRC). Throws Refusal with the answer code. */
function point(fields: string[], full: boolean, now: Date): IpsPoint {
  const [date, time, lat1, lat2, lon1, lon2, speed, course, alt, sats] = fields;
  if (fields.length < (full ? 16 : 10)) throw new Refusal('-1');
  let when: Date;
  if (date === 'NA' || time === 'NA') when = now;
  else {
    const d = /^(\d\d)(\d\d)(\d\d)$/.exec(date!);
    const t = /^(\d\d)(\d\d)(\d\d)(\.\d+)?$/.exec(time!);
    if (!d || !t) throw new Refusal('0');
    when = new Date(Date.UTC(2000 + Number(d[3]), Number(d[2]) - 1, Number(d[1]), Number(t[1]), Number(t[2]), Number(t[3])));
    if (Number.isNaN(when.getTime()) || when.getUTCDate() !== Number(d[1]) || Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3]) > 59) throw new Refusal('0');
  }
  if (lat1 === 'NA' || lon1 === 'NA') throw new Refusal('10');
  const latitude = coordinate(lat1!, lat2!, 2, 'N', 'S', 90);
  const longitude = coordinate(lon1!, lon2!, 3, 'E', 'W', 180);
  const sp = num(speed, '11');
  const co = num(course, '11', true);
  const al = num(alt, '11');
  if ((sp !== null && sp < 0) || (co !== null && (co < 0 || co > 360))) throw new Refusal('11');
  const sa = num(sats, '12', true);
  const p: IpsPoint = { time: when, latitude, longitude, speed: sp ?? 0, course: co ?? 0, altitude: al, satellites: sa, hdop: null, inputs: null, outputs: null, params: {} };
  if (full) {
    p.hdop = num(fields[10], '12');
    p.inputs = num(fields[11], '13', true);
    p.outputs = num(fields[12], '13', true);
    // fields[13] adc (comma-separated numbers), fields[14] iButton
    if (fields[13] && fields[13] !== 'NA' && fields[13] !== '' && !fields[13].split(',').every((x) => /^-?\d+(\.\d+)?$/.test(x))) throw new Refusal('14');
    const params = fields.slice(15).join(';');
    if (params !== '' && params !== 'NA') {
      for (const item of params.split(',')) {
        const m = /^([^:]+):([123]):(.*)$/.exec(item);
        if (!m) throw new Refusal('15');
        if (m[2] === '3') p.params[m[1]!] = m[3]!;
        else {
          const v = num(m[3], '15', m[2] === '1');
          if (v !== null) p.params[m[1]!] = v;
        }
      }
    }
  }
  return p;
}

/** Parses one line (without its \r\n). `version` is what the connection's login said. */
export function parseIpsLine(line: string, version: '1.1' | '2.0', now: Date): IpsMessage {
  const m = /^#(L|SD|D|B|P)#(.*)$/s.exec(line);
  if (!m) return { type: 'unknown', answer: null, ok: false };
  const [, type, body] = m as unknown as [string, string, string];
  if (type === 'P') return { type: 'ping', answer: '#AP#', ok: true };
  if (type === 'L') {
    const f = body.split(';');
    if (f[0] === '2.0') {
      const [, imei, password, crc] = f;
      const signed = body.slice(0, body.lastIndexOf(';') + 1);
      if (crc === undefined || !/^[0-9A-Fa-f]+$/.test(crc) || parseInt(crc, 16) !== ipsCrc16(signed)) {
        return { type: 'login', version: '2.0', imei: imei ?? '', password: password ?? null, answer: '#AL#10', ok: false };
      }
      const ok = !!imei && /^[0-9A-Za-z-]{1,32}$/.test(imei);
      return { type: 'login', version: '2.0', imei: imei ?? '', password: password === 'NA' ? null : (password ?? null), answer: ok ? '#AL#1' : '#AL#0', ok };
    }
    const [imei, password] = f;
    const ok = !!imei && /^[0-9A-Za-z-]{1,32}$/.test(imei);
    return { type: 'login', version: '1.1', imei: imei ?? '', password: password === 'NA' ? null : (password ?? null), answer: ok ? '#AL#1' : '#AL#0', ok };
  }
  const full = type === 'D' || type === 'B';
  const answerOf = (code: string) => (type === 'SD' ? `#ASD#${code}` : type === 'D' ? `#AD#${code}` : `#AB#${code}`);
  const one = (text: string, withCrc: boolean): IpsPoint => {
    let f = text.split(';');
    if (withCrc) {
      const crc = f.at(-1)!;
      const signed = text.slice(0, text.lastIndexOf(';') + 1);
      if (!/^[0-9A-Fa-f]+$/.test(crc) || parseInt(crc, 16) !== ipsCrc16(signed)) throw new Refusal(type === 'SD' ? '13' : '16');
      f = f.slice(0, -1);
    }
    return point(f, full, now);
  };
  if (type === 'B') {
    // #B#msg|msg|...|crc (2.0): each message a #D# body (or #SD# with 10 fields); the answer counts those accepted.
    let items = body.split('|');
    if (version === '2.0') {
      const crc = items.at(-1)!;
      const signed = body.slice(0, body.lastIndexOf('|') + 1);
      if (!/^[0-9A-Fa-f]+$/.test(crc) || parseInt(crc, 16) !== ipsCrc16(signed)) return { type: 'data', points: [], answer: '#AB#', ok: false, refused: items.length - 1 };
      items = items.slice(0, -1);
    }
    const points: IpsPoint[] = [];
    let refused = 0;
    for (const it of items.filter((s) => s !== '')) {
      try {
        const f = it.split(';');
        points.push(point(f, f.length >= 16, now));
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        refused++;
      }
    }
    return { type: 'data', points, answer: `#AB#${points.length}`, ok: refused === 0, refused };
  }
  try {
    return { type: 'data', points: [one(body, version === '2.0')], answer: answerOf('1'), ok: true, refused: 0 };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return { type: 'data', points: [], answer: answerOf(e.code), ok: false, refused: 1 };
  }
}
