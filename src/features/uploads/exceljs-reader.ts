/**
 * exceljs' streaming WorkbookReader, with one fix: exceljs 4.4 decodes each
 * chunk of a zip entry to text on its own (`parse-sax.js`), so a Cyrillic
 * letter whose two UTF-8 bytes fall into two chunks turns into «�». Here the
 * reader's modules are loaded afresh against a parse-sax that decodes with a
 * StringDecoder (which carries partial characters over); everything else in
 * exceljs is left as it is.
 */
import { createRequire, Module } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }) {
  const { SaxesParser } = require('saxes') as typeof import('saxes');
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: Error | undefined;
  parser.on('error', (e: Error) => {
    error = e;
  });
  let events: Array<{ eventType: string; value: unknown }> = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

type WorkbookReaderClass = typeof ExcelJS.stream.xlsx.WorkbookReader;
let cached: WorkbookReaderClass | null = null;

export function StreamingWorkbookReader(): WorkbookReaderClass {
  if (cached) return cached;
  const paths = {
    parseSax: require.resolve('exceljs/lib/utils/parse-sax.js'),
    workbook: require.resolve('exceljs/lib/stream/xlsx/workbook-reader.js'),
    worksheet: require.resolve('exceljs/lib/stream/xlsx/worksheet-reader.js'),
    hyperlinks: require.resolve('exceljs/lib/stream/xlsx/hyperlink-reader.js'),
  };
  const saved = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, require.cache[p]]));
  const fixed = new Module(paths.parseSax) as Module & { filename: string; loaded: boolean };
  fixed.filename = paths.parseSax;
  fixed.loaded = true;
  fixed.exports = parseSax;
  try {
    require.cache[paths.parseSax] = fixed;
    delete require.cache[paths.workbook];
    delete require.cache[paths.worksheet];
    delete require.cache[paths.hyperlinks];
    cached = require(paths.workbook) as WorkbookReaderClass;
  } finally {
    // Everyone else keeps the modules they had.
    for (const [k, p] of Object.entries(paths)) {
      const m = saved[k];
      if (m) require.cache[p] = m;
      else delete require.cache[p];
    }
  }
  return cached;
}
