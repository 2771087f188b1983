/**
 * Issue 14 in a real browser: the facility opens «Отчётность», fills the
 * monthly report that is due — «Получено за месяц» already prefilled from the
 * accepted loads and marked as such — enters the rest with a balance that
 * does not hold, sees the error under «Остаток на конец месяца», fixes it,
 * sends it after the confirmation, gets the registration number and the
 * signed PDF, then corrects it: version 2, version 1 still shown.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useBrowserServer } from './server.js';
import { newPage, shot, signIn } from './browser.js';

// The test's months, ahead of the real clock (the demo operator's certificate is valid from yesterday on):
// R — the report's month; "now" is the 5th of the month after it (before the 10th, the deadline).
const real = new Date();
const month = (offset: number) => {
  const t = real.getUTCFullYear() * 12 + real.getUTCMonth() + offset;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};
const R = month(1);
const N = month(2);
const fkko = (c: string) => `${c[0]} ${c.slice(1, 3)} ${c.slice(3, 6)} ${c.slice(6, 8)} ${c.slice(8, 10)} ${c[10]}`;

describe('the facility monthly report (issue 14)', () => {
  const env = useBrowserServer({ trips: 0 });

  it('is prefilled, shows a balance error by field, is sent with a number and a signed PDF, and corrected as version 2', async () => {
    const { ctx } = env.server;
    ctx.setNow(new Date(`${N}-05T09:00:00Z`));
    const org = await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@facility.ossig.test').executeTakeFirstOrThrow();
    const objectId = (await ctx.db.selectFrom('facilities').select('id').where('organization_id', '=', org.id).executeTakeFirstOrThrow()).id;
    const base = await sql<{ permit_id: string; site_id: string; carrier_id: string; vehicle_id: string; facility_id: string; waste_code: string }>`
      select p.id as permit_id, p.site_id, c.carrier_id, v.id as vehicle_id, f.facility_id, w.waste_code
        from permits p join permit_facilities f on f.permit_id = p.id and f.facility_object_id = ${objectId}
        join permit_carriers c on c.permit_id = p.id join vehicles v on v.carrier_id = c.carrier_id
        join permit_waste_types w on w.permit_id = p.id order by p.number, w.waste_code limit 1`.execute(ctx.db);
    const b = base.rows[0];
    const trip = (at: string, volume: string, mass: string, status: 'confirmed' | 'rejected', received: string | null) =>
      ctx.db
        .insertInto('trips')
        .values({
          permit_id: b.permit_id,
          site_id: b.site_id,
          carrier_id: b.carrier_id,
          vehicle_id: b.vehicle_id,
          facility_id: b.facility_id,
          facility_object_id: objectId,
          waste_code: b.waste_code,
          loaded_at: new Date(Date.parse(at) - 3_600_000),
          unloaded_at: new Date(at),
          volume,
          mass,
          receipt_status: status,
          received_mass: received,
          received_at: new Date(Date.parse(at) + 600_000),
          receipt_reason: status === 'rejected' ? 'Не тот вид отходов' : null,
          source: 'api',
        } as never)
        .execute();
    await trip(`${R}-03T08:00:00Z`, '10.00', '12.500', 'confirmed', '12.000');
    await trip(`${R}-14T08:00:00Z`, '8.00', '9.250', 'confirmed', null);
    await trip(`${R}-20T08:00:00Z`, '5.00', '6.000', 'rejected', null);
    const code = fkko(b.waste_code);
    const field = (label: string) => page.getByRole('textbox', { name: `${label} (${code})` });

    const { page } = await newPage(env.browser, env.server.url);
    await signIn(page, 'facility@ossig.test');
    await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Отчётность' }).click();
    const due = page.getByRole('region', { name: 'Пора подать' });
    // The report of month R (the demo's trackers may have formed trips of today's month, due as well).
    const months = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
    const periodR = `${months[Number(R.slice(5)) - 1]} ${R.slice(0, 4)}`;
    await due.locator(`[aria-label$="${periodR}"]`).getByRole('button', { name: 'Заполнить' }).click();
    await page.getByRole('heading', { level: 1, name: /Ежемесячный отчёт объекта приёма ОСС/ }).waitFor();

    // Prefilled from the accepted loads (12.000 weighed + 9.250 declared; the rejected load left out), and said so.
    await expect(field('Получено за месяц').inputValue()).resolves.toBe('21,25');
    await expect(page.getByRole('region', { name: 'Сведения отчёта' }).getByText('из принятых рейсов').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Откуда сведения' }).textContent()).resolves.toMatch(/по 2 рейсам/);

    // A balance that does not hold: the error stands under «Остаток на конец месяца».
    const fill = async (values: Record<string, string>) => {
      for (const [label, v] of Object.entries(values)) await field(label).fill(v);
    };
    await fill({
      'Остаток на начало месяца': '3',
      Утилизировано: '10',
      Обезврежено: '0',
      Размещено: '2',
      'Переработано во вторичное сырьё': '5',
      'Получено вторичного сырья': '4,5',
      'Передано другим лицам': '1',
      'Остаток на конец месяца': '7',
    });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const endError = page.getByText(/Остаток на конец месяца \(.*\): по балансу должно быть 6,250 т/);
    await endError.waitFor();
    await expect(field('Остаток на конец месяца').getAttribute('aria-invalid')).resolves.toBe('true');
    await shot(page, 'browser-report-1-balance-error');

    // Fixed, sent after the confirmation.
    await fill({ 'Остаток на конец месяца': '6,25' });
    await page.getByRole('button', { name: 'Отправить' }).click();
    const confirm = page.getByRole('dialog', { name: 'Отправить отчёт?' });
    await confirm.getByRole('button', { name: 'Подтвердить и отправить' }).click();
    const number = page.getByTestId('report-number');
    await number.waitFor();
    await expect(number.textContent()).resolves.toMatch(/^ОТЧ-\d{4}-\d{6}$/);
    const pdfLink = page.getByRole('link', { name: 'Подписанный PDF' });
    await pdfLink.waitFor({ timeout: 60_000 });
    const pdf = await page.request.get(env.server.url + (await pdfLink.getAttribute('href')));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await shot(page, 'browser-report-2-sent');

    // A correction before the deadline: version 2, version 1 still there.
    await page.getByRole('button', { name: 'Исправить' }).click();
    await fill({ Утилизировано: '11', Размещено: '1' });
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByRole('dialog', { name: 'Отправить отчёт?' }).getByRole('button', { name: 'Подтвердить и отправить' }).click();
    const versions = page.getByRole('region', { name: 'Поданные версии' });
    await versions.getByRole('region', { name: 'Версия 2' }).or(versions.getByLabel('Версия 2')).first().waitFor();
    await versions.getByRole('link', { name: 'PDF версии 2' }).waitFor({ timeout: 60_000 });
    await expect(versions.getByRole('link', { name: 'PDF версии 1' }).isVisible()).resolves.toBe(true);
    // The registration keeps its number; the notice names version 2.
    await page.getByText(/, версия 2 от \d\d\.\d\d\.\d{4}/).waitFor();
    await shot(page, 'browser-report-3-version-2');
  });
});
