/**
 * EGTS — the Russian transport telematics protocol (ГОСТ 33472-2015, earlier ГОСТ Р 54619-2011;
 * Приказ Минтранса России № 285 от 31.07.2012). Decoder and encoder of:
 *
 * - the transport layer: header (PRV, SKID, flags, HL, HE, FDL, PID, PT, optional route, HCS — CRC-8)
 *   and the frame data with its CRC-16 CCITT;
 * - EGTS_PT_APPDATA and EGTS_PT_RESPONSE with their service data records (SDR) and subrecords;
 * - subrecords of the authentication service (EGTS_SR_TERM_IDENTITY, EGTS_SR_RESULT_CODE) and of the
 *   teledata service (EGTS_SR_POS_DATA, EGTS_SR_EXT_POS_DATA, EGTS_SR_AD_SENSORS_DATA,
 *   EGTS_SR_STATE_DATA, EGTS_SR_ABS_AN_SENS_DATA, EGTS_SR_ABS_DIG_SENS_DATA), EGTS_SR_RECORD_RESPONSE
 *   in any service. Other subrecords are kept as raw bytes.
 *
 * Pure: no I/O. `readPacket` splits a byte stream into packets (and says how to answer a broken one);
 * `decodeAppData` reads the records of a packet; `encode*` build packets (answers and the simulator).
 */

// ---------------------------------------------------------------- constants

export const EGTS_PT = { RESPONSE: 0, APPDATA: 1, SIGNED_APPDATA: 2 } as const;

export const EGTS_SERVICE = { AUTH: 1, TELEDATA: 2, COMMANDS: 4, FIRMWARE: 9, ECALL: 10 } as const;

export const EGTS_SR = {
  RECORD_RESPONSE: 0,
  TERM_IDENTITY: 1,
  MODULE_DATA: 2,
  VEHICLE_DATA: 3,
  AUTH_INFO: 7,
  RESULT_CODE: 9,
  POS_DATA: 16,
  EXT_POS_DATA: 17,
  AD_SENSORS_DATA: 18,
  COUNTERS_DATA: 19,
  STATE_DATA: 20,
  ABS_DIG_SENS_DATA: 23,
  ABS_AN_SENS_DATA: 24,
  ABS_CNTR_DATA: 25,
  LIQUID_LEVEL_SENSOR: 27,
} as const;

/** Processing result codes (ГОСТ 33472, приложение В). */
export const EGTS_PC = {
  OK: 0,
  IN_PROGRESS: 1,
  UNS_PROTOCOL: 128,
  DECRYPT_ERROR: 129,
  PROC_DENIED: 130,
  INC_HEADERFORM: 131,
  INC_DATAFORM: 132,
  UNS_TYPE: 133,
  NOTEN_PARAMS: 134,
  DBL_PROC: 135,
  PROC_SRC_DENIED: 136,
  HEADERCRC_ERROR: 137,
  DATACRC_ERROR: 138,
  INVDATALEN: 139,
  SRVC_NFOUND: 148,
  SRVC_DENIED: 149,
  SRVC_UNKN: 150,
  AUTH_DENIED: 151,
  ID_NFOUND: 153,
  INC_DATETIME: 154,
} as const;

/** Navigation time counts seconds from 2010-01-01 00:00:00 UTC. */
export const EGTS_EPOCH_MS = Date.UTC(2010, 0, 1);

const MAX_FRAME = 65517; // FDL limit of the standard

// ---------------------------------------------------------------- checksums

const CRC8_TABLE = (() => {
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let b = 0; b < 8; b++) c = c & 0x80 ? ((c << 1) ^ 0x31) & 0xff : (c << 1) & 0xff;
    t[i] = c;
  }
  return t;
})();

/** Header checksum: CRC-8, polynomial 0x31, initial 0xFF (ГОСТ 33472, приложение Б). */
export function crc8(buf: Uint8Array, start = 0, end = buf.length): number {
  let crc = 0xff;
  for (let i = start; i < end; i++) crc = CRC8_TABLE[crc ^ buf[i]!]!;
  return crc;
}

const CRC16_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let b = 0; b < 8; b++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    t[i] = c;
  }
  return t;
})();

/** Frame checksum: CRC-16 CCITT, polynomial 0x1021, initial 0xFFFF, no reflection. */
export function crc16(buf: Uint8Array, start = 0, end = buf.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) crc = ((crc << 8) & 0xffff) ^ CRC16_TABLE[((crc >> 8) ^ buf[i]!) & 0xff]!;
  return crc;
}

// ---------------------------------------------------------------- types

export interface TransportHeader {
  prv: number;
  skid: number;
  /** PRF (prefix), RTE (route present), ENA (encryption), CMP (compression), PR (priority). */
  prefix: number;
  route: boolean;
  encryption: number;
  compressed: boolean;
  priority: number;
  headerLength: number;
  headerEncoding: number;
  packetId: number;
  packetType: number;
  peerAddress?: number;
  recipientAddress?: number;
  ttl?: number;
}

export interface PosData {
  /** Navigation time. */
  time: Date;
  latitude: number;
  longitude: number;
  /** Flags: ALTE, LOHS, LAHS, MV, BB, CS, FIX, VLD. */
  valid: boolean;
  moving: boolean;
  /** Data from the black box (sent later than it was recorded). */
  blackBox: boolean;
  fix3d: boolean;
  /** km/h, to 0.1. */
  speed: number;
  /** Degrees 0–359 (DIR with DIRH as its ninth bit). */
  course: number;
  /** km, to 0.1 (3 bytes). */
  odometer: number;
  /** Digital inputs 1–8 as a byte. */
  digitalInputs: number;
  /** The event that caused the point (SRC). */
  source: number;
  altitude?: number;
  sourceData?: number;
}

export interface ExtPosData {
  vdop?: number;
  hdop?: number;
  pdop?: number;
  satellites?: number;
  navigationSystems?: number;
}

export interface AdSensorsData {
  digitalOutputs: number;
  /** Additional digital inputs octets, by number 1–8 (present ones only). */
  digitalInputs: Record<number, number>;
  /** Analog sensors, by number 1–8 (present ones only), 24-bit values. */
  analog: Record<number, number>;
}

export interface TermIdentity {
  terminalId: number;
  homeDispatcherId?: number;
  imei?: string;
  imsi?: string;
  language?: string;
  networkId?: number;
  bufferSize?: number;
  msisdn?: string;
}

export type Subrecord =
  | { type: typeof EGTS_SR.RECORD_RESPONSE; data: { confirmedRecord: number; status: number } }
  | { type: typeof EGTS_SR.TERM_IDENTITY; data: TermIdentity }
  | { type: typeof EGTS_SR.RESULT_CODE; data: { code: number } }
  | { type: typeof EGTS_SR.POS_DATA; data: PosData }
  | { type: typeof EGTS_SR.EXT_POS_DATA; data: ExtPosData }
  | { type: typeof EGTS_SR.AD_SENSORS_DATA; data: AdSensorsData }
  | { type: typeof EGTS_SR.STATE_DATA; data: { state: number; mainPowerV: number; backupBatteryV: number; internalBatteryV: number; flags: number } }
  | { type: typeof EGTS_SR.ABS_AN_SENS_DATA; data: { sensor: number; value: number } }
  | { type: typeof EGTS_SR.ABS_DIG_SENS_DATA; data: { sensor: number; state: number } }
  | { type: number; raw: Uint8Array; data?: undefined };

export interface ServiceRecord {
  recordNumber: number;
  /** RFL: SSOD, RSOD, GRP, RPP. */
  sourceOnDevice: boolean;
  recipientOnDevice: boolean;
  group: boolean;
  priority: number;
  objectId?: number;
  eventId?: number;
  time?: Date;
  sourceService: number;
  recipientService: number;
  subrecords: Subrecord[];
}

export interface RecordResult {
  record: ServiceRecord | null;
  /** Record number as read (even when the record's data could not be read). */
  recordNumber: number;
  sourceService: number;
  /** EGTS_PC_OK, or why the record was refused. */
  status: number;
}

export interface AppData {
  /** Present for EGTS_PT_RESPONSE: the answered packet and its result. */
  response?: { packetId: number; result: number };
  records: RecordResult[];
}

export class EgtsError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- transport

export type ReadResult =
  /** Not enough bytes yet. */
  | { kind: 'more' }
  /** A packet whose header and frame checksums hold. */
  | { kind: 'packet'; header: TransportHeader; frame: Uint8Array; bytes: Uint8Array; length: number }
  /**
   * Bytes that are not a good packet: skip `length` bytes and answer `code` for `packetId` when it
   * is known (a header that passed its checksum), else answer nothing we could trust and resync.
   */
  | { kind: 'bad'; code: number; reason: string; length: number; packetId: number | null; bytes: Uint8Array };

/**
 * Reads one packet from the start of `buf`. A broken header (wrong version, wrong length, checksum)
 * skips one byte so the reader finds the next packet; a broken frame (its checksum) skips the packet.
 */
export function readPacket(buf: Uint8Array): ReadResult {
  if (buf.length < 11) return { kind: 'more' };
  const prv = buf[0]!;
  const hl = buf[3]!;
  const bad = (code: number, reason: string, length: number, packetId: number | null) =>
    ({ kind: 'bad', code, reason, length, packetId, bytes: buf.subarray(0, length) }) as const;
  if (hl !== 11 && hl !== 16) return bad(EGTS_PC.INC_HEADERFORM, `длина заголовка ${hl}`, 1, null);
  if (buf.length < hl) return { kind: 'more' };
  const hcs = crc8(buf, 0, hl - 1);
  if (hcs !== buf[hl - 1]) return bad(EGTS_PC.HEADERCRC_ERROR, 'контрольная сумма заголовка', 1, null);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const flags = buf[2]!;
  const fdl = view.getUint16(5, true);
  const packetId = view.getUint16(7, true);
  const header: TransportHeader = {
    prv,
    skid: buf[1]!,
    prefix: flags >> 6,
    route: (flags & 0x20) !== 0,
    encryption: (flags >> 3) & 0x03,
    compressed: (flags & 0x04) !== 0,
    priority: flags & 0x03,
    headerLength: hl,
    headerEncoding: buf[4]!,
    packetId,
    packetType: buf[9]!,
  };
  if (header.route) {
    if (hl !== 16) return bad(EGTS_PC.INC_HEADERFORM, 'длина заголовка не согласуется с RTE', 1, null);
    header.peerAddress = view.getUint16(10, true);
    header.recipientAddress = view.getUint16(12, true);
    header.ttl = buf[14]!;
  }
  const total = hl + fdl + (fdl > 0 ? 2 : 0);
  if (fdl > MAX_FRAME) return bad(EGTS_PC.INVDATALEN, `длина данных ${fdl}`, hl, packetId);
  if (buf.length < total) return { kind: 'more' };
  if (fdl > 0 && crc16(buf, hl, hl + fdl) !== view.getUint16(hl + fdl, true)) {
    return bad(EGTS_PC.DATACRC_ERROR, 'контрольная сумма данных', total, packetId);
  }
  if (prv !== 1 || header.prefix !== 0) return bad(EGTS_PC.UNS_PROTOCOL, `версия ${prv}, префикс ${header.prefix}`, total, packetId);
  if (header.headerEncoding !== 0) return bad(EGTS_PC.INC_HEADERFORM, 'кодировка заголовка', total, packetId);
  if (header.encryption !== 0) return bad(EGTS_PC.DECRYPT_ERROR, 'шифрование не поддерживается', total, packetId);
  if (header.compressed) return bad(EGTS_PC.INC_DATAFORM, 'сжатие не поддерживается', total, packetId);
  return { kind: 'packet', header, frame: buf.subarray(hl, hl + fdl), bytes: buf.subarray(0, total), length: total };
}

// ---------------------------------------------------------------- application layer (decode)

class Reader {
  pos = 0;
  readonly view: DataView;
  constructor(
    readonly buf: Uint8Array,
    readonly end = buf.length,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  need(n: number) {
    if (this.pos + n > this.end) throw new EgtsError(EGTS_PC.INC_DATAFORM, 'данные короче, чем объявлено');
  }
  u8() {
    this.need(1);
    return this.buf[this.pos++]!;
  }
  u16() {
    this.need(2);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u24() {
    this.need(3);
    const v = this.buf[this.pos]! | (this.buf[this.pos + 1]! << 8) | (this.buf[this.pos + 2]! << 16);
    this.pos += 3;
    return v;
  }
  u32() {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  bytes(n: number) {
    this.need(n);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  text(n: number) {
    return Buffer.from(this.bytes(n)).toString('latin1').replace(/\0+$/, '');
  }
  get left() {
    return this.end - this.pos;
  }
}

/** Reads the frame of an EGTS_PT_APPDATA or EGTS_PT_RESPONSE packet. */
export function decodeFrame(packetType: number, frame: Uint8Array): AppData {
  const r = new Reader(frame);
  const out: AppData = { records: [] };
  if (packetType === EGTS_PT.RESPONSE) {
    const packetId = r.u16();
    const result = r.u8();
    out.response = { packetId, result };
  } else if (packetType !== EGTS_PT.APPDATA) {
    throw new EgtsError(EGTS_PC.UNS_TYPE, `тип пакета ${packetType}`);
  }
  while (r.left > 0) {
    const start = r.pos;
    if (r.left < 7) throw new EgtsError(EGTS_PC.INC_DATAFORM, 'запись короче заголовка');
    const rl = r.u16();
    const rn = r.u16();
    const rfl = r.u8();
    let headerLen = 5 + 2 + (rfl & 1 ? 4 : 0) + (rfl & 2 ? 4 : 0) + (rfl & 4 ? 4 : 0);
    if (start + headerLen + rl > frame.length) {
      // The record's length runs past the frame: nothing after it can be trusted.
      throw new EgtsError(EGTS_PC.INVDATALEN, `запись ${rn}: длина ${rl} за пределами пакета`);
    }
    const rec: ServiceRecord = {
      recordNumber: rn,
      sourceOnDevice: (rfl & 0x80) !== 0,
      recipientOnDevice: (rfl & 0x40) !== 0,
      group: (rfl & 0x20) !== 0,
      priority: (rfl >> 3) & 3,
      sourceService: 0,
      recipientService: 0,
      subrecords: [],
    };
    if (rfl & 1) rec.objectId = r.u32();
    if (rfl & 2) rec.eventId = r.u32();
    if (rfl & 4) rec.time = new Date(EGTS_EPOCH_MS + r.u32() * 1000);
    rec.sourceService = r.u8();
    rec.recipientService = r.u8();
    headerLen = r.pos - start;
    const end = r.pos + rl;
    try {
      const sr = new Reader(frame, end);
      sr.pos = r.pos;
      while (sr.left > 0) {
        const type = sr.u8();
        const len = sr.u16();
        sr.need(len);
        const sub = new Reader(frame, sr.pos + len);
        sub.pos = sr.pos;
        rec.subrecords.push(decodeSubrecord(type, sub));
        sr.pos += len;
      }
      out.records.push({ record: rec, recordNumber: rn, sourceService: rec.sourceService, status: EGTS_PC.OK });
    } catch (e) {
      if (!(e instanceof EgtsError)) throw e;
      out.records.push({ record: null, recordNumber: rn, sourceService: rec.sourceService, status: e.code });
    }
    r.pos = end;
  }
  return out;
}

function decodeSubrecord(type: number, r: Reader): Subrecord {
  switch (type) {
    case EGTS_SR.RECORD_RESPONSE:
      return { type, data: { confirmedRecord: r.u16(), status: r.u8() } };
    case EGTS_SR.TERM_IDENTITY: {
      const d: TermIdentity = { terminalId: r.u32() };
      const f = r.u8();
      if (f & 0x01) d.homeDispatcherId = r.u16();
      if (f & 0x02) d.imei = r.text(15);
      if (f & 0x04) d.imsi = r.text(16);
      if (f & 0x08) d.language = r.text(3);
      if (f & 0x20) d.networkId = r.u24();
      if (f & 0x40) d.bufferSize = r.u16();
      if (f & 0x80) d.msisdn = r.text(15);
      return { type, data: d };
    }
    case EGTS_SR.RESULT_CODE:
      return { type, data: { code: r.u8() } };
    case EGTS_SR.POS_DATA: {
      const ntm = r.u32();
      const lat = r.u32();
      const lon = r.u32();
      const flg = r.u8();
      const spd = r.u16();
      const dir = r.u8();
      const odm = r.u24();
      const din = r.u8();
      const src = r.u8();
      const d: PosData = {
        time: new Date(EGTS_EPOCH_MS + ntm * 1000),
        latitude: ((lat / 0xffffffff) * 90) * (flg & 0x20 ? -1 : 1),
        longitude: ((lon / 0xffffffff) * 180) * (flg & 0x40 ? -1 : 1),
        valid: (flg & 0x01) !== 0,
        fix3d: (flg & 0x02) !== 0,
        blackBox: (flg & 0x08) !== 0,
        moving: (flg & 0x10) !== 0,
        speed: (spd & 0x3fff) / 10,
        course: dir | (spd & 0x8000 ? 0x100 : 0),
        odometer: odm / 10,
        digitalInputs: din,
        source: src,
      };
      if (flg & 0x80) {
        const alt = r.u24();
        d.altitude = spd & 0x4000 ? -alt : alt;
      }
      if (r.left >= 2) d.sourceData = r.u16();
      return { type, data: d };
    }
    case EGTS_SR.EXT_POS_DATA: {
      const f = r.u8();
      const d: ExtPosData = {};
      if (f & 0x01) d.vdop = r.u16() / 100;
      if (f & 0x02) d.hdop = r.u16() / 100;
      if (f & 0x04) d.pdop = r.u16() / 100;
      if (f & 0x08) d.satellites = r.u8();
      if (f & 0x10) d.navigationSystems = r.u16();
      return { type, data: d };
    }
    case EGTS_SR.AD_SENSORS_DATA: {
      const dioe = r.u8();
      const digitalOutputs = r.u8();
      const asfe = r.u8();
      const d: AdSensorsData = { digitalOutputs, digitalInputs: {}, analog: {} };
      for (let i = 0; i < 8; i++) if (dioe & (1 << i)) d.digitalInputs[i + 1] = r.u8();
      for (let i = 0; i < 8; i++) if (asfe & (1 << i)) d.analog[i + 1] = r.u24();
      return { type, data: d };
    }
    case EGTS_SR.STATE_DATA:
      return {
        type,
        data: { state: r.u8(), mainPowerV: r.u8() / 10, backupBatteryV: r.u8() / 10, internalBatteryV: r.u8() / 10, flags: r.u8() },
      };
    case EGTS_SR.ABS_AN_SENS_DATA:
      return { type, data: { sensor: r.u8(), value: r.u24() } };
    case EGTS_SR.ABS_DIG_SENS_DATA: {
      // DSST (4 bits: state) and DSN (12 bits: number), the number's low bits in the high nibble of the first byte.
      const b0 = r.u8();
      const b1 = r.u8();
      return { type, data: { state: b0 & 0x0f, sensor: (b0 >> 4) | (b1 << 4) } };
    }
    default:
      return { type, raw: r.bytes(r.left) };
  }
}

// ---------------------------------------------------------------- encode

class Writer {
  private parts: number[] = [];
  u8(v: number) {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number) {
    return this.u8(v).u8(v >> 8);
  }
  u24(v: number) {
    return this.u8(v).u8(v >> 8).u8(v >> 16);
  }
  u32(v: number) {
    return this.u16(v & 0xffff).u16((v >>> 16) & 0xffff);
  }
  bytes(b: Uint8Array) {
    for (const x of b) this.parts.push(x);
    return this;
  }
  text(s: string, n: number) {
    const b = Buffer.alloc(n);
    b.write(s.slice(0, n), 'latin1');
    return this.bytes(b);
  }
  get length() {
    return this.parts.length;
  }
  done() {
    return Uint8Array.from(this.parts);
  }
}

export function encodeSubrecord(s: Subrecord): Uint8Array {
  const w = new Writer();
  if (s.data === undefined) return (s as { raw: Uint8Array }).raw;
  switch (s.type) {
    case EGTS_SR.RECORD_RESPONSE: {
      const d = s.data as { confirmedRecord: number; status: number };
      w.u16(d.confirmedRecord).u8(d.status);
      break;
    }
    case EGTS_SR.TERM_IDENTITY: {
      const d = s.data as TermIdentity;
      const f =
        (d.homeDispatcherId !== undefined ? 0x01 : 0) |
        (d.imei !== undefined ? 0x02 : 0) |
        (d.imsi !== undefined ? 0x04 : 0) |
        (d.language !== undefined ? 0x08 : 0) |
        0x10 | // SSRA: the terminal uses the simple response algorithm
        (d.networkId !== undefined ? 0x20 : 0) |
        (d.bufferSize !== undefined ? 0x40 : 0) |
        (d.msisdn !== undefined ? 0x80 : 0);
      w.u32(d.terminalId).u8(f);
      if (d.homeDispatcherId !== undefined) w.u16(d.homeDispatcherId);
      if (d.imei !== undefined) w.text(d.imei, 15);
      if (d.imsi !== undefined) w.text(d.imsi, 16);
      if (d.language !== undefined) w.text(d.language, 3);
      if (d.networkId !== undefined) w.u24(d.networkId);
      if (d.bufferSize !== undefined) w.u16(d.bufferSize);
      if (d.msisdn !== undefined) w.text(d.msisdn, 15);
      break;
    }
    case EGTS_SR.RESULT_CODE:
      w.u8((s.data as { code: number }).code);
      break;
    case EGTS_SR.POS_DATA: {
      const d = s.data as PosData;
      const alte = d.altitude !== undefined;
      const flg =
        (alte ? 0x80 : 0) |
        (d.longitude < 0 ? 0x40 : 0) |
        (d.latitude < 0 ? 0x20 : 0) |
        (d.moving ? 0x10 : 0) |
        (d.blackBox ? 0x08 : 0) |
        (d.fix3d ? 0x02 : 0) |
        (d.valid ? 0x01 : 0);
      const course = Math.round(d.course) % 360;
      const spd = (Math.round(d.speed * 10) & 0x3fff) | (alte && d.altitude! < 0 ? 0x4000 : 0) | (course & 0x100 ? 0x8000 : 0);
      w.u32(Math.round((d.time.getTime() - EGTS_EPOCH_MS) / 1000))
        .u32(Math.round((Math.abs(d.latitude) / 90) * 0xffffffff))
        .u32(Math.round((Math.abs(d.longitude) / 180) * 0xffffffff))
        .u8(flg)
        .u16(spd)
        .u8(course & 0xff)
        .u24(Math.round(d.odometer * 10))
        .u8(d.digitalInputs)
        .u8(d.source);
      if (alte) w.u24(Math.abs(Math.round(d.altitude!)));
      if (d.sourceData !== undefined) w.u16(d.sourceData);
      break;
    }
    case EGTS_SR.EXT_POS_DATA: {
      const d = s.data as ExtPosData;
      const f =
        (d.vdop !== undefined ? 1 : 0) |
        (d.hdop !== undefined ? 2 : 0) |
        (d.pdop !== undefined ? 4 : 0) |
        (d.satellites !== undefined ? 8 : 0) |
        (d.navigationSystems !== undefined ? 16 : 0);
      w.u8(f);
      if (d.vdop !== undefined) w.u16(Math.round(d.vdop * 100));
      if (d.hdop !== undefined) w.u16(Math.round(d.hdop * 100));
      if (d.pdop !== undefined) w.u16(Math.round(d.pdop * 100));
      if (d.satellites !== undefined) w.u8(d.satellites);
      if (d.navigationSystems !== undefined) w.u16(d.navigationSystems);
      break;
    }
    case EGTS_SR.AD_SENSORS_DATA: {
      const d = s.data as AdSensorsData;
      let dioe = 0;
      let asfe = 0;
      for (let i = 1; i <= 8; i++) {
        if (d.digitalInputs[i] !== undefined) dioe |= 1 << (i - 1);
        if (d.analog[i] !== undefined) asfe |= 1 << (i - 1);
      }
      w.u8(dioe).u8(d.digitalOutputs).u8(asfe);
      for (let i = 1; i <= 8; i++) if (d.digitalInputs[i] !== undefined) w.u8(d.digitalInputs[i]!);
      for (let i = 1; i <= 8; i++) if (d.analog[i] !== undefined) w.u24(d.analog[i]!);
      break;
    }
    case EGTS_SR.STATE_DATA: {
      const d = s.data as { state: number; mainPowerV: number; backupBatteryV: number; internalBatteryV: number; flags: number };
      w.u8(d.state).u8(Math.round(d.mainPowerV * 10)).u8(Math.round(d.backupBatteryV * 10)).u8(Math.round(d.internalBatteryV * 10)).u8(d.flags);
      break;
    }
    case EGTS_SR.ABS_AN_SENS_DATA: {
      const d = s.data as { sensor: number; value: number };
      w.u8(d.sensor).u24(d.value);
      break;
    }
    case EGTS_SR.ABS_DIG_SENS_DATA: {
      const d = s.data as { sensor: number; state: number };
      w.u8((d.state & 0x0f) | ((d.sensor & 0x0f) << 4)).u8(d.sensor >> 4);
      break;
    }
    default:
      throw new Error(`subrecord ${(s as { type: number }).type} has no encoder`);
  }
  return w.done();
}

export interface RecordInput {
  recordNumber: number;
  sourceService: number;
  recipientService?: number;
  objectId?: number;
  eventId?: number;
  time?: Date;
  /** RFL bits: SSOD (default true: the record comes from the device), RSOD, GRP, RPP. */
  sourceOnDevice?: boolean;
  recipientOnDevice?: boolean;
  group?: boolean;
  priority?: number;
  subrecords: Subrecord[];
}

export function encodeRecord(rec: RecordInput): Uint8Array {
  const data = new Writer();
  for (const s of rec.subrecords) {
    const body = encodeSubrecord(s);
    data.u8(s.type).u16(body.length).bytes(body);
  }
  const body = data.done();
  const w = new Writer();
  const rfl =
    ((rec.sourceOnDevice ?? true) ? 0x80 : 0) |
    (rec.recipientOnDevice ? 0x40 : 0) |
    (rec.group ? 0x20 : 0) |
    (((rec.priority ?? 0) & 3) << 3) |
    (rec.time !== undefined ? 4 : 0) |
    (rec.eventId !== undefined ? 2 : 0) |
    (rec.objectId !== undefined ? 1 : 0);
  w.u16(body.length).u16(rec.recordNumber).u8(rfl);
  if (rec.objectId !== undefined) w.u32(rec.objectId);
  if (rec.eventId !== undefined) w.u32(rec.eventId);
  if (rec.time !== undefined) w.u32(Math.round((rec.time.getTime() - EGTS_EPOCH_MS) / 1000));
  w.u8(rec.sourceService).u8(rec.recipientService ?? rec.sourceService).bytes(body);
  return w.done();
}

export interface PacketInput {
  packetId: number;
  packetType: number;
  priority?: number;
  skid?: number;
  /** For EGTS_PT_RESPONSE. */
  response?: { packetId: number; result: number };
  records: RecordInput[];
}

/** Builds a whole transport packet: header with its CRC-8, frame with its CRC-16. */
export function encodePacket(p: PacketInput): Uint8Array {
  const frame = new Writer();
  if (p.packetType === EGTS_PT.RESPONSE) {
    if (!p.response) throw new Error('EGTS_PT_RESPONSE needs response');
    frame.u16(p.response.packetId).u8(p.response.result);
  }
  for (const r of p.records) frame.bytes(encodeRecord(r));
  const fd = frame.done();
  if (fd.length > MAX_FRAME) throw new Error(`frame too long: ${fd.length}`);
  const out = new Uint8Array(11 + fd.length + (fd.length > 0 ? 2 : 0));
  out[0] = 1;
  out[1] = p.skid ?? 0;
  out[2] = (p.priority ?? 0) & 3;
  out[3] = 11;
  out[4] = 0;
  out[5] = fd.length & 0xff;
  out[6] = fd.length >> 8;
  out[7] = p.packetId & 0xff;
  out[8] = (p.packetId >> 8) & 0xff;
  out[9] = p.packetType;
  out[10] = crc8(out, 0, 10);
  if (fd.length > 0) {
    out.set(fd, 11);
    const c = crc16(fd);
    out[11 + fd.length] = c & 0xff;
    out[12 + fd.length] = c >> 8;
  }
  return out;
}

/**
 * The answer to an EGTS_PT_APPDATA packet: EGTS_PT_RESPONSE with the packet's result and, for every
 * record read, an EGTS_SR_RECORD_RESPONSE (CRN = its number, RST = its status) in a record of the same service.
 */
export function encodeResponse(o: {
  packetId: number;
  answeredPacketId: number;
  result: number;
  records: Array<{ recordNumber: number; sourceService: number; status: number }>;
  firstRecordNumber: number;
}): Uint8Array {
  return encodePacket({
    packetId: o.packetId,
    packetType: EGTS_PT.RESPONSE,
    response: { packetId: o.answeredPacketId, result: o.result },
    records: o.records.map((r, i) => ({
      recordNumber: (o.firstRecordNumber + i) & 0xffff,
      sourceService: r.sourceService,
      sourceOnDevice: false,
      subrecords: [{ type: EGTS_SR.RECORD_RESPONSE, data: { confirmedRecord: r.recordNumber, status: r.status } }],
    })),
  });
}
