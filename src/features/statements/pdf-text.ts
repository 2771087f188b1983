/**
 * Fast text for large PDF tables.
 *
 * pdfkit's `doc.text()` runs fontkit's shaping and its line wrapper for every
 * call (≈3 000 table rows per second). A statement table needs neither: its
 * cells are Cyrillic, Latin and digits in DejaVu Sans without kerning. Here
 * every character is encoded once through the embedded font (so it enters
 * the font subset and its ToUnicode map, keeping the text extractable), cells
 * are wrapped into lines by measured width (`wrap`, cached: names repeat),
 * and lines are written as raw `Tj` operators.
 *
 * Nothing is ever cut: a value wider than its cell wraps at spaces (a single
 * word wider than the cell breaks between characters), and every line of it
 * is written.
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
  /** Offset down from the row's top, for the second and further lines of a wrapped cell. */
  dy?: number;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** One font at one size: measures, fits and writes single-line text. */
export class FastText {
  /** Glyphs by UTF-16 code unit (the table's text is all in the Basic Multilingual Plane). */
  private readonly byCode: (Glyph | undefined)[] = [];
  private readonly other = new Map<string, Glyph>();
  private fontRef: EmbeddedFontLike | null = null;
  /** Wrapped texts by cell width (names repeat: carriers, facilities, waste types). */
  private readonly wrapped = new Map<number, Map<string, string[]>>();

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

  /**
   * The text as lines that each fit `width` points: breaks at spaces (and after a hyphen or a
   * slash), a word wider than the cell between characters; explicit newlines are kept. Every
   * character of the text is in exactly one line (spaces at a break are dropped).
   */
  wrap(text: string, width: number): string[] {
    // Most cells fit: measuring is cheaper than remembering.
    if (text.indexOf('\n') < 0 && this.widthOf(text) <= width) return [text];
    let byText = this.wrapped.get(width);
    if (!byText) {
      byText = new Map();
      this.wrapped.set(width, byText);
    }
    const hit = byText.get(text);
    if (hit !== undefined) return hit;
    const out: string[] = [];
    for (const para of text.split('\n')) {
      if (this.widthOf(para) <= width) {
        out.push(para);
        continue;
      }
      // Tokens: words with their trailing break opportunity (space dropped; hyphen or slash kept).
      const tokens = para.match(/[^\s\-/]+[-/]?|[-/]|\s+/g) ?? [para];
      let line = '';
      const flush = () => {
        out.push(line.trimEnd());
        line = '';
      };
      for (const tok of tokens) {
        if (/^\s+$/.test(tok)) {
          if (line) line += ' ';
          continue;
        }
        if (this.widthOf(line + tok) <= width || line.trim() === '') {
          if (this.widthOf(line + tok) <= width) {
            line += tok;
            continue;
          }
          // A word wider than the cell: break it between characters.
          for (const ch of tok) {
            if (this.widthOf(line + ch) > width && line.trim() !== '') flush();
            line += ch;
          }
          continue;
        }
        flush();
        if (this.widthOf(tok) <= width) line = tok;
        else
          for (const ch of tok) {
            if (this.widthOf(line + ch) > width && line !== '') flush();
            line += ch;
          }
      }
      if (line.trim() !== '' || out.length === 0) flush();
    }
    if (byText.size > 20_000) byText.clear();
    byText.set(text, out);
    return out;
  }

  /**
   * Writes cells of a row whose top is `y` (pdfkit's top-left coordinates), in the order given — a
   * wrapped cell's lines one after another (`dy`), so that extracted text keeps each value together.
   */
  row(cells: readonly Cell[], y: number): void {
    const doc = this.doc as unknown as { page: { height: number; fonts: Record<string, unknown> }; addContent(s: string): void };
    const font = this.font();
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    const baseline = doc.page.height - y - (font.ascender / 1000) * this.size;
    const scale = this.size / 1000;
    const limitScale = 1000 / this.size;
    let ops = `q 1 0 0 -1 0 ${num(doc.page.height)} cm BT /${font.id} ${num(this.size)} Tf`;
    const by0 = num(baseline);
    for (const c of cells) {
      const by = c.dy ? num(baseline - c.dy) : by0;
      const text = c.text;
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
      // Never cut: a caller that did not wrap gets the whole text (it may overhang the cell).
      void limit;
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
