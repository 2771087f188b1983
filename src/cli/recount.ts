/**
 * `npm run recount [-- --check]`: recomputes the trip totals (by day and by hour) from all the trips (the rules of
 * src/features/movement.ts), reports any drift and repairs it (with --check: reports only).
 * Exit code 0 — no drift or repaired; 1 — drift found with --check.
 */
import { parseConfig } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';
import { recountTotals } from '../features/totals/recount.js';
import { parseArgs } from './args.js';

const { flags } = parseArgs(process.argv.slice(2));
const checkOnly = flags.check === true;
const started = await boot(parseConfig());
try {
  const t = Date.now();
  const r = await recountTotals(started.ctx.db, { repair: !checkOnly });
  const drift = r.missing + r.extra + r.changed;
  console.log(`Итоги рейсов пересчитаны за ${((Date.now() - t) / 1000).toFixed(1)} с: групп ${r.groups}.`);
  if (!drift) console.log('Расхождений нет.');
  else {
    console.log(`Расхождения: нет строки — ${r.missing}, лишних строк — ${r.extra}, другие цифры — ${r.changed}.`);
    for (const [table, t] of Object.entries(r.tables)) if (t.missing + t.extra + t.changed) console.log(`  ${table}: нет строки — ${t.missing}, лишних — ${t.extra}, другие цифры — ${t.changed}`);
    for (const e of r.examples) {
      console.log(`  ${e.table}: разрешение ${e.permitId}${e.wasteCode ? `, ФККО ${e.wasteCode}` : ''}, ${e.when}, ${e.acceptance}: учтено ${e.kept ?? '—'}, по пересчёту ${e.counted ?? '—'}`);
    }
    console.log(r.repaired ? 'Исправлено: итоги приведены к пересчёту.' : 'Не исправлено (--check).');
    if (!r.repaired) process.exitCode = 1;
  }
} finally {
  await started.close();
}
