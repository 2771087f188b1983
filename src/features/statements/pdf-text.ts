/**
 * Fast single-line text for large PDF tables.
 *
 * pdfkit's `doc.text()` runs fontkit's shaping and its line wrapper for every
 * call (≈3 000 table rows per second). A statement table needs neither: each
 * cell is one line of Cyrillic, Latin and digits in DejaVu Sans without
 * kerning. Here every character is encoded once through the embedded font
 * (so it enters the font subset and its ToUnicode map, keeping the text
 * extractable), then cells are written as raw `Tj` operators.
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

interface Glyph {
  hex: string;
  /** Advance width in 1/1000 of the font size. */
  width: number;
}

interface EmbeddedFontLike {
  id: string;
  ascender: number;
  encode(text: string): [string[], { xAdvance: number }[]];
  ref(): unknown;
}

export interface Cell {
  text: string;
  x: number;
  width: number;
  align?: 'left' | 'right' | 'center';
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** One font at one size: measures, fits and writes single-line text. */
export class FastText {
  /** Glyphs by UTF-16 code unit (the table's text is all in the Basic Multilingual Plane). */
  private readonly byCode: (Glyph | undefined)[] = [];
  private readonly other = new Map<string, Glyph>();
  private fontRef: EmbeddedFontLike | null = null;
  /** Cut texts by cell width (names repeat: carriers, facilities, waste types). */
  private readonly fitted = new Map<number, Map<string, string>>();

  constructor(
    private readonly doc: Doc,
    private readonly fontName: string,
    readonly size: number,
  ) {}

  private font(): EmbeddedFontLike {
    this.doc.font(this.fontName);
    this.fontRef = (this.doc as unknown as { _font: EmbeddedFontLike })._font;
    return this.fontRef;
  }

  private encodeChar(ch: string): Glyph {
    const font = this.fontRef ?? this.font();
    const [hex, pos] = font.encode(ch);
    return { hex: hex.join(''), width: pos.reduce((s, p) => s + p.xAdvance, 0) };
  }

  private glyphAt(text: string, i: number): Glyph {
    const code = text.charCodeAt(i);
    let g = this.byCode[code];
    if (g === undefined) {
      if (code >= 0xd800 && code <= 0xdfff) {
        const ch = String.fromCodePoint(text.codePointAt(i)!);
        g = this.other.get(ch);
        if (!g) {
          g = this.encodeChar(ch);
          this.other.set(ch, g);
        }
        return g;
      }
      g = this.encodeChar(text[i]);
      this.byCode[code] = g;
    }
    return g;
  }

  /** Width of a string in points. */
  widthOf(text: string): number {
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      w += this.glyphAt(text, i).width;
      if (code >= 0xd800 && code <= 0xdbff) i++;
    }
    return (w * this.size) / 1000;
  }

  /** The text, cut with «…» to fit `width` points. */
  fit(text: string, width: number): string {
    let byText = this.fitted.get(width);
    if (!byText) {
      byText = new Map();
      this.fitted.set(width, byText);
    }
    const hit = byText.get(text);
    if (hit !== undefined) return hit;
    let out = text;
    if (this.widthOf(text) > width) {
      // Longest prefix that fits with the ellipsis (binary search on code points).
      const chars = [...text];
      let lo = 0;
      let hi = chars.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.widthOf(chars.slice(0, mid).join('') + '…') <= width) lo = mid;
        else hi = mid - 1;
      }
      out = chars.slice(0, lo).join('').trimEnd() + '…';
    }
    if (byText.size > 20_000) byText.clear();
    byText.set(text, out);
    return out;
  }

  /** Writes cells on one baseline row whose top is `y` (pdfkit's top-left coordinates). */
  row(cells: readonly Cell[], y: number): void {
    const doc = this.doc as unknown as { page: { height: number; fonts: Record<string, unknown> }; addContent(s: string): void };
    const font = this.font();
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    const baseline = doc.page.height - y - (font.ascender / 1000) * this.size;
    const scale = this.size / 1000;
    const limitScale = 1000 / this.size;
    let ops = `q 1 0 0 -1 0 ${num(doc.page.height)} cm BT /${font.id} ${num(this.size)} Tf`;
    const by = num(baseline);
    for (const c of cells) {
      let text = c.text;
      if (!text) continue;
      let hex = '';
      let w = 0;
      const limit = c.width * limitScale;
      for (let i = 0; i < text.length; i++) {
        const g = this.glyphAt(text, i);
        const code = text.charCodeAt(i);
        if (code >= 0xd800 && code <= 0xdbff) i++;
        hex += g.hex;
        w += g.width;
      }
      if (w > limit) {
        text = this.fit(text, c.width);
        hex = '';
        w = 0;
        for (let i = 0; i < text.length; i++) {
          const g = this.glyphAt(text, i);
          const code = text.charCodeAt(i);
          if (code >= 0xd800 && code <= 0xdbff) i++;
          hex += g.hex;
          w += g.width;
        }
      }
      let x = c.x;
      if (c.align === 'right') x = c.x + c.width - w * scale;
      else if (c.align === 'center') x = c.x + (c.width - w * scale) / 2;
      ops += ` 1 0 0 1 ${num(x)} ${by} Tm <${hex}> Tj`;
    }
    doc.addContent(ops + ' ET Q');
  }

  /** One text at (x, y). */
  text(text: string, x: number, y: number, width = 10_000, align: Cell['align'] = 'left'): void {
    this.row([{ text, x, width, align }], y);
  }
}
