/**
 * Reads a DOCX as a word processor would have to: the package's parts listed by `unzip`, each
 * XML part (and relationships) checked well-formed by `xmllint`, the parts Word needs present;
 * returns the document's text, one paragraph (or table cell) a line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function docxText(buf: Buffer): { parts: string[]; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-'));
  const file = path.join(dir, 'd.docx');
  try {
    fs.writeFileSync(file, buf);
    const parts = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const need of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) if (!parts.includes(need)) throw new Error(`DOCX: no part ${need}`);
    for (const part of parts.filter((p) => /\.(xml|rels)$/.test(p))) {
      const xml = execFileSync('unzip', ['-p', file, part.replace(/\[/g, '[[]')]); // unzip takes a name as a pattern
      execFileSync('xmllint', ['--noout', '-'], { input: xml });
    }
    const doc = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const text = doc
      .replace(/<w:br\/>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    return { parts, text };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
