/**
 * Minimal ASN.1 DER encoder and (BER-tolerant) decoder — just what X.509 and
 * CMS need. Decoding never trusts lengths: every read is bounds-checked and a
 * malformed input raises {@link DerError}.
 */

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

/** Universal tags and common identifier octets. */
export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  UNIVERSAL_STRING: 0x1c,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** A decoded TLV element. */
export interface DerNode {
  /** Identifier octet (class | constructed | tag number); high tag numbers are folded into `tagNumber`. */
  readonly tag: number;
  readonly tagClass: 'universal' | 'application' | 'context' | 'private';
  readonly constructed: boolean;
  readonly tagNumber: number;
  /** The whole element (header + content); for indefinite length it includes the end-of-contents octets. */
  readonly raw: Buffer;
  /** The content octets (for indefinite-length elements: the raw encodings of the children). */
  readonly content: Buffer;
  /** Child elements when constructed (empty otherwise). */
  readonly children: DerNode[];
}

const CLASSES = ['universal', 'application', 'context', 'private'] as const;
const MAX_DEPTH = 64;

function parseAt(buf: Buffer, pos: number, end: number, depth: number): DerNode {
  if (depth > MAX_DEPTH) throw new DerError('ASN.1 nesting too deep');
  const start = pos;
  if (pos >= end) throw new DerError('Unexpected end of data (tag)');
  const tag = buf[pos++]!;
  const constructed = (tag & 0x20) !== 0;
  let tagNumber = tag & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (pos >= end || i > 4) throw new DerError('Bad high tag number');
      const b = buf[pos++]!;
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (pos >= end) throw new DerError('Unexpected end of data (length)');
  const first = buf[pos++]!;
  let length = -1;
  if (first < 0x80) {
    length = first;
  } else if (first === 0x80) {
    if (!constructed) throw new DerError('Indefinite length on primitive element');
  } else {
    const n = first & 0x7f;
    if (n > 4) throw new DerError('Length too large');
    length = 0;
    for (let i = 0; i < n; i++) {
      if (pos >= end) throw new DerError('Unexpected end of data (long length)');
      length = length * 256 + buf[pos++]!;
    }
  }
  const children: DerNode[] = [];
  let contentStart = pos;
  let contentEnd: number;
  let elemEnd: number;
  if (length >= 0) {
    contentEnd = pos + length;
    if (contentEnd > end) throw new DerError('Element length exceeds available data');
    elemEnd = contentEnd;
    if (constructed) {
      let p = contentStart;
      while (p < contentEnd) {
        const child = parseAt(buf, p, contentEnd, depth + 1);
        children.push(child);
        p += child.raw.length;
      }
    }
  } else {
    // BER indefinite length: children until end-of-contents (00 00).
    let p = contentStart;
    for (;;) {
      if (p + 2 > end) throw new DerError('Missing end-of-contents');
      if (buf[p] === 0 && buf[p + 1] === 0) break;
      const child = parseAt(buf, p, end, depth + 1);
      children.push(child);
      p += child.raw.length;
    }
    contentEnd = p;
    elemEnd = p + 2;
  }
  return {
    tag,
    tagClass: CLASSES[tag >> 6]!,
    constructed,
    tagNumber,
    raw: buf.subarray(start, elemEnd),
    content: buf.subarray(contentStart, contentEnd),
    children,
  };
}

/** Decodes exactly one element; trailing bytes are an error unless `allowTrailing`. */
export function decodeDer(input: Uint8Array, allowTrailing = false): DerNode {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const node = parseAt(buf, 0, buf.length, 0);
  if (!allowTrailing && node.raw.length !== buf.length) throw new DerError('Trailing data after ASN.1 element');
  return node;
}

// ---------------------------------------------------------------- readers

function expect(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node) throw new DerError(`Missing ${what}`);
  if (node.tag !== tag && !(node.constructed && (node.tag & 0xdf) === tag)) {
    throw new DerError(`Expected ${what} (tag 0x${tag.toString(16)}), got 0x${node.tag.toString(16)}`);
  }
  return node;
}

/** Asserts the node has the given identifier octet and returns it. */
export function expectTag(node: DerNode | undefined, tag: number, what = 'element'): DerNode {
  return expect(node, tag, what);
}

/** Child at index `i`, or an error naming `what`. */
export function child(node: DerNode, i: number, what = `child ${i}`): DerNode {
  const c = node.children[i];
  if (!c) throw new DerError(`Missing ${what}`);
  return c;
}

/** Decodes an OBJECT IDENTIFIER to dotted form. */
export function readOid(node: DerNode | undefined): string {
  const n = expect(node, Tag.OID, 'OBJECT IDENTIFIER');
  const c = n.content;
  if (c.length === 0) throw new DerError('Empty OID');
  const parts: string[] = [];
  let value = 0n;
  let first = true;
  for (let i = 0; i < c.length; i++) {
    const b = c[i]!;
    value = (value << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      if (first) {
        const a = value < 40n ? 0n : value < 80n ? 1n : 2n;
        parts.push(a.toString(), (value - a * 40n).toString());
        first = false;
      } else {
        parts.push(value.toString());
      }
      value = 0n;
    } else if (i === c.length - 1) {
      throw new DerError('Truncated OID');
    }
  }
  return parts.join('.');
}

/** INTEGER content as an unsigned big-endian magnitude (sign byte stripped). */
export function readIntegerBytes(node: DerNode | undefined): Buffer {
  const n = expect(node, Tag.INTEGER, 'INTEGER');
  if (n.content.length === 0) throw new DerError('Empty INTEGER');
  let c = n.content;
  while (c.length > 1 && c[0] === 0) c = c.subarray(1);
  return c;
}

/** INTEGER as bigint (signed). */
export function readBigInt(node: DerNode | undefined): bigint {
  const n = expect(node, Tag.INTEGER, 'INTEGER');
  if (n.content.length === 0) throw new DerError('Empty INTEGER');
  let v = BigInt('0x' + n.content.toString('hex'));
  if (n.content[0]! & 0x80) v -= 1n << BigInt(n.content.length * 8);
  return v;
}

/** Small INTEGER as number. */
export function readSmallInt(node: DerNode | undefined): number {
  const v = readBigInt(node);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new DerError('INTEGER too large');
  return Number(v);
}

/** OCTET STRING content (concatenates BER constructed chunks). */
export function readOctetString(node: DerNode | undefined): Buffer {
  const n = expect(node, Tag.OCTET_STRING, 'OCTET STRING');
  if (!n.constructed) return n.content;
  return Buffer.concat(n.children.map((c) => readOctetString(c)));
}

/** BIT STRING content without the unused-bits octet. */
export function readBitString(node: DerNode | undefined): { bytes: Buffer; unusedBits: number } {
  const n = expect(node, Tag.BIT_STRING, 'BIT STRING');
  if (n.constructed) throw new DerError('Constructed BIT STRING not supported');
  if (n.content.length === 0) throw new DerError('Empty BIT STRING');
  const unusedBits = n.content[0]!;
  if (unusedBits > 7) throw new DerError('Bad BIT STRING');
  return { bytes: n.content.subarray(1), unusedBits };
}

/** BOOLEAN value. */
export function readBoolean(node: DerNode | undefined): boolean {
  const n = expect(node, Tag.BOOLEAN, 'BOOLEAN');
  if (n.content.length !== 1) throw new DerError('Bad BOOLEAN');
  return n.content[0] !== 0;
}

/** Any ASN.1 character string as a JS string. */
export function readString(node: DerNode | undefined): string {
  if (!node) throw new DerError('Missing string');
  switch (node.tag) {
    case Tag.UTF8_STRING:
      return node.content.toString('utf8');
    case Tag.BMP_STRING: {
      const b = Buffer.from(node.content);
      if (b.length % 2) throw new DerError('Bad BMPString');
      b.swap16();
      return b.toString('utf16le');
    }
    case Tag.UNIVERSAL_STRING: {
      let s = '';
      for (let i = 0; i + 3 < node.content.length; i += 4) s += String.fromCodePoint(node.content.readUInt32BE(i));
      return s;
    }
    case Tag.NUMERIC_STRING:
    case Tag.PRINTABLE_STRING:
    case Tag.IA5_STRING:
    case Tag.T61_STRING:
    case 0x1a: // VisibleString
      return node.content.toString('latin1');
    default:
      throw new DerError(`Not a string type: 0x${node.tag.toString(16)}`);
  }
}

/** UTCTime or GeneralizedTime as Date. */
export function readTime(node: DerNode | undefined): Date {
  if (!node) throw new DerError('Missing time');
  const s = node.content.toString('latin1');
  let m: RegExpMatchArray | null;
  if (node.tag === Tag.UTC_TIME) {
    m = s.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/);
    if (!m) throw new DerError(`Bad UTCTime: ${s}`);
    const yy = Number(m[1]);
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  }
  if (node.tag === Tag.GENERALIZED_TIME) {
    m = s.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?Z$/);
    if (!m) throw new DerError(`Bad GeneralizedTime: ${s}`);
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return new Date(
      Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms),
    );
  }
  throw new DerError('Expected UTCTime or GeneralizedTime');
}

// ---------------------------------------------------------------- writers

function encodeLength(len: number): Buffer {
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Encodes a TLV with a single-octet identifier. */
export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(Tag.SEQUENCE, Buffer.concat(items));

/** SET OF with DER ordering (elements sorted by their encodings). */
export function setOf(items: Uint8Array[]): Buffer {
  const sorted = items.map((i) => Buffer.from(i)).sort(Buffer.compare);
  return tlv(Tag.SET, Buffer.concat(sorted));
}

/** Context-specific tag [n], constructed by default (EXPLICIT, or IMPLICIT over a constructed type). */
export function contextTag(n: number, content: Uint8Array, constructed = true): Buffer {
  if (n > 30) throw new Error('High tag numbers not supported');
  return tlv(0x80 | (constructed ? 0x20 : 0) | n, content);
}

/** Re-tags an already encoded element (IMPLICIT tagging). */
export function retag(encoded: Uint8Array, tag: number): Buffer {
  const b = Buffer.from(encoded);
  b[0] = tag;
  return b;
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map((p) => BigInt(p));
  if (parts.length < 2) throw new Error(`Bad OID ${dotted}`);
  const out: number[] = [];
  const arcs = [parts[0]! * 40n + parts[1]!, ...parts.slice(2)];
  for (const arc of arcs) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return tlv(Tag.OID, Buffer.from(out));
}

/** INTEGER from a non-negative bigint/number, or from unsigned big-endian bytes. */
export function integer(value: bigint | number | Uint8Array): Buffer {
  let bytes: Buffer;
  if (typeof value === 'bigint' || typeof value === 'number') {
    const v = BigInt(value);
    if (v < 0n) throw new Error('Negative INTEGER not supported');
    let hex = v.toString(16);
    if (hex.length % 2) hex = '0' + hex;
    bytes = Buffer.from(hex, 'hex');
  } else {
    bytes = Buffer.from(value);
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    bytes = bytes.subarray(i);
    if (bytes.length === 0) bytes = Buffer.from([0]);
  }
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(Tag.INTEGER, bytes);
}

export const octetString = (b: Uint8Array): Buffer => tlv(Tag.OCTET_STRING, b);
export const bitString = (b: Uint8Array, unusedBits = 0): Buffer =>
  tlv(Tag.BIT_STRING, Buffer.concat([Buffer.from([unusedBits]), b]));
export const nullValue = (): Buffer => Buffer.from([Tag.NULL, 0]);
export const boolean = (v: boolean): Buffer => Buffer.from([Tag.BOOLEAN, 1, v ? 0xff : 0]);
export const utf8String = (s: string): Buffer => tlv(Tag.UTF8_STRING, Buffer.from(s, 'utf8'));
export const ia5String = (s: string): Buffer => tlv(Tag.IA5_STRING, Buffer.from(s, 'latin1'));

export function printableString(s: string): Buffer {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s)) throw new Error(`Not a PrintableString: ${s}`);
  return tlv(Tag.PRINTABLE_STRING, Buffer.from(s, 'latin1'));
}

export function numericString(s: string): Buffer {
  if (!/^[0-9 ]*$/.test(s)) throw new Error(`Not a NumericString: ${s}`);
  return tlv(Tag.NUMERIC_STRING, Buffer.from(s, 'latin1'));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 rule). Seconds precision. */
export function time(d: Date): Buffer {
  const y = d.getUTCFullYear();
  const rest =
    pad2(d.getUTCMonth() + 1) + pad2(d.getUTCDate()) + pad2(d.getUTCHours()) + pad2(d.getUTCMinutes()) + pad2(d.getUTCSeconds()) + 'Z';
  if (y >= 1950 && y < 2050) return tlv(Tag.UTC_TIME, Buffer.from(pad2(y % 100) + rest, 'latin1'));
  return tlv(Tag.GENERALIZED_TIME, Buffer.from(String(y).padStart(4, '0') + rest, 'latin1'));
}

// ---------------------------------------------------------------- PEM

/** Wraps DER into PEM with the given label. */
export function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Extracts the first PEM block (optionally with a specific label) as DER, or null. */
export function fromPem(pem: string, label?: string): { label: string; der: Buffer } | null {
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(pem); m; m = re.exec(pem)) {
    if (label && m[1] !== label) continue;
    return { label: m[1]!, der: Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64') };
  }
  return null;
}
