import { describe, expect, it } from 'vitest';
import { ipsCrc16, parseIpsLine } from './ips.js';

const now = new Date('2026-12-04T12:00:00Z');

describe('Wialon IPS', () => {
  it('login 1.1 and 2.0 (with its CRC-16)', () => {
    expect(parseIpsLine('#L#356938035643809;NA', '1.1', now)).toMatchObject({ type: 'login', imei: '356938035643809', answer: '#AL#1', ok: true });
    const body = '2.0;356938035643809;NA;';
    const crc = ipsCrc16(body).toString(16).toUpperCase();
    expect(parseIpsLine(`#L#${body}${crc}`, '1.1', now)).toMatchObject({ version: '2.0', answer: '#AL#1' });
    expect(parseIpsLine(`#L#${body}0000`, '1.1', now)).toMatchObject({ answer: '#AL#10', ok: false });
    expect(parseIpsLine('#L#;pass', '1.1', now)).toMatchObject({ answer: '#AL#0', ok: false });
  });

  it('CRC-16/ARC check value', () => {
    expect(ipsCrc16('123456789')).toBe(0xbb3d);
  });

  it('short data and data, with coordinates in degrees and minutes', () => {
    // The examples of the Wialon IPS 1.1 description (gurtam.com).
    const sd = parseIpsLine('#SD#280421;055220;5355.09260;N;02732.40990;E;0;0;300;7', '1.1', now);
    expect(sd).toMatchObject({ type: 'data', answer: '#ASD#1', ok: true });
    const p = (sd as { points: Array<{ time: Date; latitude: number; longitude: number; altitude: number; satellites: number }> }).points[0]!;
    expect(p.time.toISOString()).toBe('2021-04-28T05:52:20.000Z');
    expect(p.latitude).toBeCloseTo(53 + 55.0926 / 60, 9);
    expect(p.longitude).toBeCloseTo(27 + 32.4099 / 60, 9);
    expect(p).toMatchObject({ altitude: 300, satellites: 7 });
    const d = parseIpsLine('#D#041226;101112;5545.0000;N;03737.0000;W;42.5;90;150;9;0.9;1;0;12.5,3;NA;body:1:1,driver:3:Иванов', '1.1', now);
    expect(d).toMatchObject({ answer: '#AD#1', points: [{ longitude: -(37 + 37 / 60), speed: 42.5, course: 90, inputs: 1, hdop: 0.9, params: { body: 1, driver: 'Иванов' } }] });
  });

  it('refuses broken messages with the protocol’s codes', () => {
    expect(parseIpsLine('#SD#280421;055220;5355.09260;N', '1.1', now).answer).toBe('#ASD#-1');
    expect(parseIpsLine('#SD#320421;055220;5355.09260;N;02732.40990;E;0;0;300;7', '1.1', now).answer).toBe('#ASD#0');
    expect(parseIpsLine('#SD#280421;055220;5375.09260;N;02732.40990;E;0;0;300;7', '1.1', now).answer).toBe('#ASD#10');
    expect(parseIpsLine('#SD#280421;055220;5355.09260;N;02732.40990;E;x;0;300;7', '1.1', now).answer).toBe('#ASD#11');
    expect(parseIpsLine('#SD#280421;055220;5355.09260;N;02732.40990;E;0;0;300;y', '1.1', now).answer).toBe('#ASD#12');
    expect(parseIpsLine('#D#041226;101112;5545.0000;N;03737.0000;E;1;1;1;1;1;z;0;;NA;', '1.1', now).answer).toBe('#AD#13');
    expect(parseIpsLine('#D#041226;101112;5545.0000;N;03737.0000;E;1;1;1;1;1;1;0;;NA;bad', '1.1', now).answer).toBe('#AD#15');
    expect(parseIpsLine('#D#041226;101112;5545.0000;N;03737.0000;E;1;1;1;1;1;1;0;;NA;;FFFF', '2.0', now).answer).toBe('#AD#16');
    expect(parseIpsLine('garbage', '1.1', now)).toMatchObject({ type: 'unknown', answer: null });
    expect(parseIpsLine('#P#', '1.1', now).answer).toBe('#AP#');
  });

  it('black box: counts the messages accepted', () => {
    const m = '041226;101112;5545.0000;N;03737.0000;E;1;1;1;1';
    expect(parseIpsLine(`#B#${m}|${m}|bad`, '1.1', now)).toMatchObject({ answer: '#AB#2', refused: 1 });
  });
});
