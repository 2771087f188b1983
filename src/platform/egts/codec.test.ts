/**
 * The EGTS codec against packets captured from real trackers, as published with their decoded values
 * by two mature open decoders, and against packets of our own encoder.
 */
import { describe, expect, it } from 'vitest';
import {
  EGTS_PC,
  EGTS_PT,
  EGTS_SERVICE,
  EGTS_SR,
  crc16,
  crc8,
  decodeFrame,
  encodePacket,
  encodeResponse,
  readPacket,
  type PosData,
} from './codec.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function decode(h: string) {
  const r = readPacket(hex(h));
  if (r.kind !== 'packet') throw new Error(`not a packet: ${JSON.stringify(r)}`);
  return { header: r.header, length: r.length, ...decodeFrame(r.header.packetType, r.frame) };
}
function positions(h: string): PosData[] {
  return decode(h).records.flatMap((r) => r.record!.subrecords.filter((s) => s.type === EGTS_SR.POS_DATA).map((s) => s.data as PosData));
}

// Traccar (github.com/traccar/traccar, Apache-2.0), src/test/java/org/traccar/protocol/EgtsProtocolDecoderTest.java:
// packets of real terminals; Traccar decodes a position from each `verifyPositions` packet and nothing from each `verifyNull` one.
const TRACCAR = {
  authParams:
    '0100020b002300020001871c00020000010105190000ab0800006247396e615734366347467a63336476636d513daadf',
  twoPositions:
    '0100020b004600010001b81800030001f299c0d80202101500c9c52f1100552e9c80e4ca7911f5805b00000000031800040001f299c0d80202101500cbc52f1100612e9c00dbca79116c803e00000000037c13',
  response: '0100000b0003006c430004010000acfb',
  responseWithRecord: '0100000b00100091030072000100060000000002020003009203000009',
  identityShort: '0100010b002200c06401f21700c1640171360d00010101140071360d000238363539303500000000000000000047fc',
  identityImei: '0100000b002400a0d601f01900030081030000000101011600030000004238363434393530333436343333373600014cdc',
  blackBoxPosition: '0100000b002700030e01211800030e8573890100845e980f0202101500f85d980fb37f50aae9653c2b193708317b00000001c51b',
  // verifyPositions(..., position("2018-03-21 05:38:19.000", true, 51.67569, 55.59189))
  knownPosition: '0100020B0025003A5701C91A003A5701CD6E68490202101700CBB4740F7617FD924364104F116A0000000000010300001EC2',
  withSensors:
    '0100020B0079000000011F6A001424951CA5CB0F23B5740F020210180023B5740F0A301994DA9C524C9128000A000000100082000011040018110300120900000003150100E803001B0700010000340900001B0700420000000000001B0700430000000000001B0700440000000000001B0700450000000000001B0700460000000000008020',
};

// kuznetsovin/egts-protocol (github.com/kuznetsovin/egts-protocol, MIT), libs/egts/*_test.go: packets with the
// field values that library decodes from them and encodes them back to.
const GO = {
  // egts_pkg_test.go egtsPkgPosDataBytes: PID 138, record 97, OID 133552, 2018-07-05 20:08:53 UTC,
  // lat 55.55389399769574, lon 37.43236696287812, VLD, DIRH, speed 200 (km/h), odometer bytes 01 00 00
  posData: '0100030B0023008A0001491800610099B00902000202101500D53F01106F1C059E7AB53C3501D0872C0100000000CC27',
  // egts_sr_term_identity_test.go testEgtsSrTermIdentityPkgBin: PID 134, record 95, OID 2, TID 133552, SSRA
  termIdentity: '0100030B001300860001B608005F0099020000000101010500B0090200100DCE',
  // egts_pt_response_test.go testEgtsPkgBytes: EGTS_PT_RESPONSE, PID 137, RPID 14357, EGTS_PC_OK
  response: '0100030B0003008900004A153800 33E8',
  // egts_pkg_test.go TestRebuildCycleCoding: EVID 3436, 2021-02-20 00:30:40 UTC, lat 46.9429406935682,
  // lon 142.732571163851, ALTE with altitude 30, speed 34 km/h, DIN 144, liquid level sensor subrecord
  rebuild:
    '0100020b003000001201842500860012 6c0d000002021018003 01df31465ce8685de57ffca9b5401acbf000090001e00001b0700410100000000 00f0e8',
  // egts_sr_ad_sensors_data_test.go srAdSensorsDataBytes (the subrecord alone): DIOE1, DOUT 15, all eight analog
  adSensors: '010FFF00' + '00'.repeat(24),
};

describe('checksums', () => {
  it('CRC-8 of the header and CRC-16 CCITT of the frame match the published packets', () => {
    const p = hex(GO.posData);
    expect(crc8(p, 0, 10)).toBe(0x49);
    expect(crc16(p, 11, 11 + 35)).toBe(10188);
    // CRC-16/CCITT-FALSE check value of "123456789".
    expect(crc16(Buffer.from('123456789'))).toBe(0x29b1);
  });
});

describe('published packets (Traccar)', () => {
  it('decodes the position Traccar states', () => {
    const [p] = positions(TRACCAR.knownPosition);
    expect(p!.time.toISOString()).toBe('2018-03-21T05:38:19.000Z');
    expect(p!.valid).toBe(true);
    expect(p!.latitude).toBeCloseTo(51.67569, 4);
    expect(p!.longitude).toBeCloseTo(55.59189, 4) // Traccar compares to 0.00001;
  });

  it('decodes a position from every packet Traccar decodes one from, none from the others', () => {
    for (const h of [TRACCAR.twoPositions, TRACCAR.blackBoxPosition, TRACCAR.knownPosition, TRACCAR.withSensors]) {
      const ps = positions(h);
      expect(ps.length).toBeGreaterThan(0);
      for (const p of ps) {
        expect(Math.abs(p.latitude)).toBeLessThanOrEqual(90);
        expect(p.time.getUTCFullYear()).toBeGreaterThanOrEqual(2018);
      }
    }
    for (const h of [TRACCAR.authParams, TRACCAR.response, TRACCAR.responseWithRecord, TRACCAR.identityShort, TRACCAR.identityImei]) {
      expect(positions(h)).toEqual([]);
    }
    const two = positions(TRACCAR.twoPositions);
    expect(two.map((p) => p.time.toISOString())).toEqual(['2019-02-20T07:24:57.000Z', '2019-02-20T07:24:59.000Z']);
    expect(two[0]!.latitude).toBeCloseTo(54.907377, 5);
    expect(two[0]!.longitude).toBeCloseTo(85.635386, 5);
    expect(two[0]!.speed).toBe(24.5);
    expect(two[0]!.course).toBe(347);
    const bb = positions(TRACCAR.blackBoxPosition)[0]!;
    expect(bb.blackBox).toBe(true);
  });

  it('reads the terminal identity (TID, IMEI) of the authentication service', () => {
    const a = decode(TRACCAR.identityImei);
    const sub = a.records[0]!.record!.subrecords[0]!;
    expect(a.records[0]!.sourceService).toBe(EGTS_SERVICE.AUTH);
    expect(sub.type).toBe(EGTS_SR.TERM_IDENTITY);
    expect(sub.data).toEqual({ terminalId: 3, imei: '864495034643376', bufferSize: 256 });
  });

  it('reads position, extended position, analog sensors and keeps unknown subrecords raw', () => {
    const subs = decode(TRACCAR.withSensors).records[0]!.record!.subrecords;
    expect(subs.map((s) => s.type)).toEqual([16, 17, 18, 27, 27, 27, 27, 27, 27]);
    expect(subs[0]!.data).toMatchObject({ altitude: 130, digitalInputs: 16 });
    expect(subs[1]!.data).toEqual({ satellites: 17, navigationSystems: 3 });
    expect(subs[2]!.data).toEqual({ digitalOutputs: 0, digitalInputs: {}, analog: { 1: 277, 2: 1000 } });
  });

  it('reads answers: EGTS_PT_RESPONSE with a record response', () => {
    const a = decode(TRACCAR.responseWithRecord);
    expect(a.response).toEqual({ packetId: 256, result: 0 });
    expect(a.records[0]!.record!.subrecords[0]!.data).toEqual({ confirmedRecord: 914, status: 0 });
  });
});

describe('published packets (egts-protocol)', () => {
  it('decodes the position that library decodes, and our encoder gives back the same bytes', () => {
    const d = decode(GO.posData);
    expect(d.header).toMatchObject({ packetId: 138, packetType: EGTS_PT.APPDATA, priority: 3 });
    const rec = d.records[0]!.record!;
    expect(rec).toMatchObject({ recordNumber: 97, objectId: 133552, sourceService: 2, recipientService: 2, priority: 3, sourceOnDevice: true });
    const p = rec.subrecords[0]!.data as PosData;
    expect(p.time.toISOString()).toBe('2018-07-05T20:08:53.000Z');
    expect(p.latitude).toBeCloseTo(55.55389399769574, 10);
    expect(p.longitude).toBeCloseTo(37.43236696287812, 10);
    expect(p).toMatchObject({ valid: true, speed: 200, odometer: 0.1, digitalInputs: 0, source: 0 });
    const again = encodePacket({ packetId: 138, packetType: EGTS_PT.APPDATA, priority: 3, records: [{ ...rec, subrecords: rec.subrecords }] });
    expect(toHex(again)).toBe(GO.posData.toLowerCase());
  });

  it('decodes the terminal identity packet and encodes it back', () => {
    const d = decode(GO.termIdentity);
    const rec = d.records[0]!.record!;
    expect(rec).toMatchObject({ recordNumber: 95, objectId: 2, sourceService: EGTS_SERVICE.AUTH });
    expect(rec.subrecords[0]!.data).toEqual({ terminalId: 133552 });
    const again = encodePacket({ packetId: 134, packetType: EGTS_PT.APPDATA, priority: 3, records: [rec] });
    expect(toHex(again)).toBe(GO.termIdentity.toLowerCase());
  });

  it('decodes and encodes the bare response packet', () => {
    const d = decode(GO.response);
    expect(d.response).toEqual({ packetId: 14357, result: EGTS_PC.OK });
    const again = encodePacket({ packetId: 137, packetType: EGTS_PT.RESPONSE, priority: 3, response: { packetId: 14357, result: 0 }, records: [] });
    expect(toHex(again)).toBe(GO.response.replace(/\s/g, '').toLowerCase());
  });

  it('decodes the packet with an event id, altitude and source data, and encodes it back', () => {
    const d = decode(GO.rebuild);
    const rec = d.records[0]!.record!;
    expect(rec).toMatchObject({ recordNumber: 134, eventId: 3436, priority: 2 });
    const p = rec.subrecords[0]!.data as PosData;
    expect(p.time.toISOString()).toBe('2021-02-20T00:30:40.000Z');
    expect(p.latitude).toBeCloseTo(46.9429406935682, 9);
    expect(p.longitude).toBeCloseTo(142.732571163851, 9);
    expect(p).toMatchObject({ altitude: 30, speed: 34, digitalInputs: 144, moving: true, blackBox: true, fix3d: true, valid: true });
    const again = encodePacket({ packetId: 4608, packetType: EGTS_PT.APPDATA, priority: 2, records: [rec] });
    expect(toHex(again)).toBe(GO.rebuild.replace(/\s/g, '').toLowerCase());
  });

  it('decodes EGTS_SR_AD_SENSORS_DATA as that library does', () => {
    const body = hex(GO.adSensors);
    const pkt = encodePacket({
      packetId: 1,
      packetType: EGTS_PT.APPDATA,
      records: [{ recordNumber: 1, sourceService: 2, subrecords: [{ type: 99, raw: new Uint8Array() }] }],
    });
    // Put the published subrecord in place of the placeholder through a record of our own.
    const rec = decode(toHex(pkt)).records[0]!.record!;
    rec.subrecords = [{ type: EGTS_SR.AD_SENSORS_DATA, raw: body } as never];
    const withAd = encodePacket({ packetId: 1, packetType: EGTS_PT.APPDATA, records: [rec] });
    const ad = decode(toHex(withAd)).records[0]!.record!.subrecords[0]!.data;
    expect(ad).toEqual({ digitalOutputs: 15, digitalInputs: { 1: 0 }, analog: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0 } });
  });
});

describe('our own packets', () => {
  it('round-trips position, extended position, sensors and identity', () => {
    const pos: PosData = {
      time: new Date('2026-12-04T10:11:12Z'),
      latitude: -55.751244,
      longitude: -37.618423,
      valid: true,
      moving: true,
      blackBox: false,
      fix3d: true,
      speed: 42.7,
      course: 301,
      odometer: 1234.5,
      digitalInputs: 0b101,
      source: 0,
      altitude: -12,
    };
    const pkt = encodePacket({
      packetId: 65535,
      packetType: EGTS_PT.APPDATA,
      records: [
        { recordNumber: 1, sourceService: EGTS_SERVICE.AUTH, subrecords: [{ type: EGTS_SR.TERM_IDENTITY, data: { terminalId: 4000000001, imei: '356938035643809' } }] },
        {
          recordNumber: 2,
          sourceService: EGTS_SERVICE.TELEDATA,
          objectId: 4000000001,
          time: new Date('2026-12-04T10:11:13Z'),
          subrecords: [
            { type: EGTS_SR.POS_DATA, data: pos },
            { type: EGTS_SR.EXT_POS_DATA, data: { hdop: 0.9, satellites: 12 } },
            { type: EGTS_SR.AD_SENSORS_DATA, data: { digitalOutputs: 0, digitalInputs: { 1: 1 }, analog: { 3: 0xabcdef } } },
            { type: EGTS_SR.ABS_AN_SENS_DATA, data: { sensor: 2, value: 512 } },
            { type: EGTS_SR.ABS_DIG_SENS_DATA, data: { sensor: 300, state: 1 } },
          ],
        },
      ],
    });
    const d = decode(toHex(pkt));
    expect(d.header.packetId).toBe(65535);
    expect(d.records.map((r) => r.status)).toEqual([0, 0]);
    expect(d.records[0]!.record!.subrecords[0]!.data).toEqual({ terminalId: 4000000001, imei: '356938035643809' });
    const subs = d.records[1]!.record!.subrecords;
    const p = subs[0]!.data as PosData;
    expect(p.latitude).toBeCloseTo(pos.latitude, 7);
    expect(p.longitude).toBeCloseTo(pos.longitude, 7);
    expect({ ...p, latitude: 0, longitude: 0 }).toEqual({ ...pos, latitude: 0, longitude: 0 });
    expect(subs[1]!.data).toEqual({ hdop: 0.9, satellites: 12 });
    expect(subs[2]!.data).toEqual({ digitalOutputs: 0, digitalInputs: { 1: 1 }, analog: { 3: 0xabcdef } });
    expect(subs[3]!.data).toEqual({ sensor: 2, value: 512 });
    expect(subs[4]!.data).toEqual({ sensor: 300, state: 1 });
    expect(d.records[1]!.record!.time!.toISOString()).toBe('2026-12-04T10:11:13.000Z');
  });

  it('answers with a record response per record in the record’s service', () => {
    const ans = encodeResponse({
      packetId: 7,
      answeredPacketId: 138,
      result: EGTS_PC.OK,
      firstRecordNumber: 65535,
      records: [
        { recordNumber: 97, sourceService: 2, status: 0 },
        { recordNumber: 98, sourceService: 1, status: EGTS_PC.INC_DATAFORM },
      ],
    });
    const d = decode(toHex(ans));
    expect(d.response).toEqual({ packetId: 138, result: 0 });
    expect(d.records.map((r) => [r.record!.recordNumber, r.sourceService, r.record!.subrecords[0]!.data])).toEqual([
      [65535, 2, { confirmedRecord: 97, status: 0 }],
      [0, 1, { confirmedRecord: 98, status: EGTS_PC.INC_DATAFORM }],
    ]);
  });
});

describe('malformed packets', () => {
  it('a header checksum error skips one byte; the next packet is found', () => {
    const good = hex(GO.posData);
    const broken = good.slice();
    broken[10] ^= 0xff;
    const stream = new Uint8Array([...broken, ...good]);
    let buf = stream;
    const seen: string[] = [];
    for (;;) {
      const r = readPacket(buf);
      if (r.kind === 'more') break;
      seen.push(r.kind === 'bad' ? `bad:${r.code}` : `packet:${r.header.packetId}`);
      buf = buf.subarray(r.length);
    }
    expect(seen[0]).toBe(`bad:${EGTS_PC.HEADERCRC_ERROR}`);
    expect(seen.at(-1)).toBe('packet:138');
    expect(seen.filter((s) => s.startsWith('packet')).length).toBe(1);
  });

  it('a frame checksum error refuses the packet by its id and skips the whole packet', () => {
    const broken = hex(GO.posData);
    broken[20] ^= 0x01;
    const r = readPacket(broken);
    expect(r).toMatchObject({ kind: 'bad', code: EGTS_PC.DATACRC_ERROR, packetId: 138, length: broken.length });
  });

  it('waits for the rest of a packet split across reads', () => {
    const good = hex(GO.posData);
    expect(readPacket(good.subarray(0, 5)).kind).toBe('more');
    expect(readPacket(good.subarray(0, 30)).kind).toBe('more');
    expect(readPacket(good).kind).toBe('packet');
  });

  it('a record whose subrecord runs past its end is refused alone; the other records are read', () => {
    const pkt = encodePacket({
      packetId: 5,
      packetType: EGTS_PT.APPDATA,
      records: [
        { recordNumber: 1, sourceService: 2, subrecords: [{ type: EGTS_SR.POS_DATA, raw: new Uint8Array(5) } as never] },
        { recordNumber: 2, sourceService: 2, subrecords: [{ type: EGTS_SR.STATE_DATA, data: { state: 2, mainPowerV: 24.1, backupBatteryV: 0, internalBatteryV: 4.1, flags: 1 } }] },
      ],
    });
    const d = decode(toHex(pkt));
    expect(d.records.map((r) => [r.recordNumber, r.status])).toEqual([
      [1, EGTS_PC.INC_DATAFORM],
      [2, EGTS_PC.OK],
    ]);
  });

  it('an unsupported packet type and encryption are named', () => {
    expect(() => decodeFrame(7, new Uint8Array())).toThrow(/тип пакета/);
    const enc = hex(GO.posData);
    enc[2] = 0x03 | 0x08;
    enc[10] = crc8(enc, 0, 10);
    expect(readPacket(enc)).toMatchObject({ kind: 'bad', code: EGTS_PC.DECRYPT_ERROR, packetId: 138 });
  });
});
