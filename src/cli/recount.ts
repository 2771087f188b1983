/**
 * `npm run recount [-- --check]`: recomputes the trip totals (by day, by hour, by month and over all time) from all the trips (the rules of
 * src/features/movement.ts) and the money totals from all the charges and invoices
 * (src/features/money/totals.ts), reports any drift and repairs it (with --check: reports only).
 * Exit code 0 — no drift or repaired; 1 — drift found with --check.
 */
import { parseConfig } from '../platform/config.js';
import { boot } from '../platform/bootstrap.js';
import { recountTotals } from '../features/totals/recount.js';
import { recountMoneyTotals } from '../features/money/totals.js';
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
  const m0 = Date.now();
  const money = await recountMoneyTotals(started.ctx.db, { repair: !checkOnly });
  const names: Record<string, string> = { charge_totals: 'Итоги начислений (charge_totals)', invoice_totals: 'Итоги счетов (invoice_totals)' };
  for (const m of money) {
    console.log(`${names[m.table] ?? m.table}: групп ${m.groups}.`);
    if (!(m.missing + m.extra + m.changed)) console.log('Расхождений нет.');
    else {
      console.log(`Расхождения: нет строки — ${m.missing}, лишних строк — ${m.extra}, другие цифры — ${m.changed}.`);
      for (const e of m.examples) console.log(`  ${e.key}: учтено ${e.kept ?? '—'}, по пересчёту ${e.counted ?? '—'}`);
      console.log(m.repaired ? 'Исправлено: итоги приведены к пересчёту.' : 'Не исправлено (--check).');
      if (!m.repaired) process.exitCode = 1;
    }
  }
  console.log(`Итоги расчётов пересчитаны за ${((Date.now() - m0) / 1000).toFixed(1)} с.`);
} finally {
  await started.close();
}
