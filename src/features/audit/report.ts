/** Russian text of an audit-log verification, for `npm run audit:verify`. */
import { formatMoscowDateTime } from '../../domain/period.js';
import type { AuditVerification } from './checkpoints.js';

export function describeAuditVerification(r: AuditVerification): string[] {
  const lines: string[] = [];
  const c = r.chain;
  lines.push(
    c.ok
      ? `Цепочка хешей журнала аудита цела: записей — ${c.total}${c.head ? ` (последняя id=${c.head.id})` : ''}.`
      : `Цепочка хешей журнала аудита нарушена на записи id=${c.brokenAt} (верных записей до неё — ${c.checked} из ${c.total}).`,
  );
  const good = r.checkpoints.filter((x) => x.ok).length;
  lines.push(`Контрольных точек: ${r.checkpoints.length}, из них сходятся с журналом и подписаны ключом оператора — ${good}.`);
  if (r.lastCheckpoint) {
    const l = r.lastCheckpoint;
    lines.push(
      `Последняя верная точка — №${l.seq} от ${formatMoscowDateTime(new Date(l.createdAt))} (МСК): запись id=${l.headId}, записей до неё — ${l.count}.`,
    );
  }
  lines.push(`Записей после последней верной точки (ещё не закреплены): ${r.unanchored}.`);
  if (r.problems.length) {
    lines.push('', 'НАРУШЕНИЯ:');
    for (const p of r.problems) lines.push(`  — ${p}`);
  }
  if (r.notes.length) {
    lines.push('', 'Замечания:');
    for (const n of r.notes) lines.push(`  — ${n}`);
  }
  lines.push('', 'Чего эта проверка не доказывает:');
  for (const l of r.limits) lines.push(`  — ${l}`);
  lines.push('', r.ok ? 'Итог: журнал аудита цел.' : 'Итог: ЖУРНАЛ АУДИТА НАРУШЕН.');
  return lines;
}
