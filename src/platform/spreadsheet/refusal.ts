/**
 * A file the spreadsheet kit will not read, and why: problems in Russian, each
 * beginning with the field's label («Файл: …»). Readers throw `FileRefusal`
 * for every fault of the file (a damaged zip, an XML trick, a limit passed);
 * anything else they throw is an I/O fault of ours, not the file's.
 */

/** A file-level problem or note, Russian. */
export interface FileProblem {
  /** Column or part of the file concerned, e.g. `file`, `Время погрузки`. */
  field: string;
  message: string;
}

export class FileRefusal extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'FileRefusal';
  }
}

/** A refusal of the whole file; `message` should begin with «Файл: ». */
export const refuse = (message: string, field = 'file'): FileRefusal => new FileRefusal([{ field, message }]);

/** 200000 → «200 000» */
export const groupDigits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** Bytes as «12 МБ» (whole mebibytes, at least 1 when not zero). */
export const megabytes = (n: number): string => `${groupDigits(n === 0 ? 0 : Math.max(1, Math.round(n / (1024 * 1024))))} МБ`;
