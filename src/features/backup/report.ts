/** Russian summaries of a backup and a restore, for the CLI. */
import { formatMoscowDateTime } from '../../domain/period.js';
import type { BackupManifest } from './manifest.js';
import type { RestoreReport } from './restore.js';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1).replace('.', ',')} МБ`;

export function describeManifest(m: BackupManifest): string[] {
  const lines: string[] = [];
  lines.push(
    `Снимок базы ${m.source.database} (PostgreSQL ${m.source.serverVersion}) на ${formatMoscowDateTime(new Date(m.snapshotAt))} МСК; миграций применено — ${m.migrations.length}.`,
  );
  lines.push(`Схемы: ${m.schemas.join(', ')}. Таблицы (${m.tables.length}), строк в каждой:`);
  for (const t of m.tables) lines.push(`  ${`${t.schema}.${t.name}`.padEnd(44)} ${String(t.rows).padStart(10)}`);
  lines.push(`Последовательности (их положение сохранено): ${m.sequences.map((s) => `${s.schema}.${s.name}`).join(', ') || 'нет'}.`);
  lines.push('Файлы из DATA_DIR:');
  for (const s of m.fileSets) lines.push(`  ${s.name.padEnd(18)} DATA_DIR/${s.dir}: ${s.files} файл(ов), ${mb(s.bytes)}`);
  if (m.missingFiles.length) {
    lines.push(`ФАЙЛОВ, НАЗВАННЫХ В БАЗЕ, НЕТ В КОПИИ (${m.missingFiles.length}):`);
    for (const f of m.missingFiles.slice(0, 20)) lines.push(`  — ${f.path}: ${f.reason}`);
  }
  lines.push('Не вошло в копию:');
  if (!m.skipped.length) lines.push('  — ничего');
  for (const s of m.skipped) lines.push(`  — ${s.what}: ${s.reason}`);
  return lines;
}

export function describeRestore(r: RestoreReport): string[] {
  const rows = r.tables.reduce((a, t) => a + t.rows, 0);
  return [
    `Загружено таблиц: ${r.tables.length}, строк: ${rows}; последовательностей выставлено: ${r.sequences}.`,
    `Файлов записано: ${r.files.written} (${mb(r.files.bytes)}), уже были на месте: ${r.files.unchanged}.`,
    ...(r.migratedAfter.length ? [`Применены миграции новее копии: ${r.migratedAfter.join(', ')}.`] : []),
    ...(r.manifest.skipped.length ? ['Не входило в копию:', ...r.manifest.skipped.map((s) => `  — ${s.what}: ${s.reason}`)] : []),
  ];
}
