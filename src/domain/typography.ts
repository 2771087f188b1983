/**
 * Russian quotation marks as typeset in documents: «ёлочки» outside,
 * „лапки“ inside — «Полигон „Северный“». Names arrive typed every way:
 * «АО «Полигон «Северный»»», "АО "Полигон "Северный""", or mixed; this
 * works out the nesting and prints each level with its own marks.
 *
 * An opening mark is one at the start, after a space or an opening bracket
 * or another opening mark; a closing mark is one after a letter, digit,
 * punctuation or another closing mark. Marks that close more than was
 * opened are kept as they are (nothing is ever dropped from a value).
 */

const OPENING = new Set(['«', '„', '“', '"', "'"]);
const CLOSING = new Set(['»', '“', '”', '"', "'"]);

function isOpeningContext(prev: string | undefined): boolean {
  return prev === undefined || /[\s([{«„\u2014\u2013-]/.test(prev);
}

/** Typesets the quotation marks of one value: level 1 «…», level 2 and deeper „…“. */
export function typesetQuotes(s: string): string {
  if (!/[«»„“”"]/.test(s)) return s;
  let depth = 0;
  let out = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "'" || (!OPENING.has(c) && !CLOSING.has(c))) {
      out += c; // letters, and apostrophes (O'Neil), stay as they are
      continue;
    }
    const canOpen = OPENING.has(c) && c !== '”' && c !== '»';
    const canClose = CLOSING.has(c) && c !== '«' && c !== '„';
    const prev = i > 0 ? chars[i - 1] : undefined;
    let open: boolean;
    if (c === '«' || c === '„') open = true;
    else if (c === '»' || c === '”') open = false;
    else if (canOpen && canClose) open = depth === 0 || isOpeningContext(prev);
    else open = canOpen;
    if (open) {
      depth++;
      out += depth === 1 ? '«' : '„';
    } else if (depth > 0) {
      out += depth === 1 ? '»' : '“';
      depth--;
    } else {
      out += c;
    }
  }
  return out;
}
