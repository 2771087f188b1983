/**
 * The page-by-page check: every page of the cabinet, for every demo role,
 * at 1440×900 and at 390×844. A page fails on
 *  - a console error or an uncaught exception;
 *  - a failed request: a 5xx, a network failure, or a 4xx not listed in EXPECTED_4XX;
 *  - the page scrolling sideways, or an element reaching past the viewport's
 *    right edge without a scrolling or clipping box around it;
 *  - an action button of a table row out of sight on the screen (the user
 *    would have to scroll the table sideways to reach it);
 *  - a button or badge whose label is cut (scrollWidth > clientWidth);
 *  - a serious or critical accessibility violation found by axe-core (its
 *    source injected into the page).
 * The pages are found by walking the cabinet as the role does (navigation,
 * then the first link of every kind on each page: a site, a permit, an
 * application, a task, a statement), so a new page is checked without
 * editing this file; every path of web/src/routes.tsx must be reached by
 * some role. Screenshots go to test-results/pages/ (git-ignored), with
 * report.json listing what was checked and what was found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserServer } from './server.js';
import { newPage, signIn } from './browser.js';
import { signedIn } from '../helpers/http.js';
import { runJobsOnce } from '../../src/platform/jobs/index.js';
import { JOBS } from '../../src/features/index.js';
import { moscowDate } from '../../src/domain/period.js';

const OUT = path.resolve('test-results/pages');
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const ROLES = ['producer', 'carrier', 'facility', 'operator', 'trusted', 'manager'] as const;

/** 4xx answers that are part of a page's normal work (none so far besides «not signed in» before the sign-in). */
const EXPECTED_4XX: { method: string; path: RegExp; status: number }[] = [];

/** The page paths of the cabinet, read from web/src/routes.tsx. */
function routePatterns(): string[] {
  const src = fs.readFileSync(path.resolve('web/src/routes.tsx'), 'utf8');
  return [...src.matchAll(/\{\s*path:\s*'([^']+)'/g)].map((m) => m[1]!);
}
const toRegExp = (pattern: string) => new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);

function axeSource(): string {
  const require = createRequire(import.meta.url);
  const candidates = [process.env.AXE_CORE_PATH, (() => {
    try {
      return require.resolve('axe-core/axe.min.js');
    } catch {
      return undefined;
    }
  })()].filter((p): p is string => !!p && fs.existsSync(p));
  if (!candidates[0]) throw new Error('Нет axe-core: npm install (devDependencies: axe-core) или AXE_CORE_PATH=…/axe.min.js');
  return fs.readFileSync(candidates[0], 'utf8');
}

interface Problem {
  role: string;
  size: string;
  page: string;
  kind: 'console' | 'request' | 'overflow' | 'offscreen-action' | 'cut-label' | 'axe' | 'rule' | 'unreached';
  detail: string;
}

/** Waits until the page has nothing loading: no request in flight and no loader shown. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => !document.querySelector('.mantine-Loader-root, [aria-busy="true"]'), undefined, { timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(150); // let transitions (menus, fades) end before measuring
}

/** Layout checks in the page: overflow, actions out of sight, cut labels. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: { kind: 'overflow' | 'offscreen-action' | 'cut-label'; detail: string }[] = [];
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      const cls = typeof el.className === 'string' ? el.className.split(' ').find((c) => c.startsWith('mantine-')) : '';
      return `<${el.tagName.toLowerCase()}${cls ? ` .${cls}` : ''}> «${text}»`;
    };
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0;
    };
    /** Inside a box that scrolls or clips sideways (its content may be wider than the screen). */
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return p;
      }
      return null;
    };
    /** Off-canvas (the collapsed navigation of a phone, a closed drawer): moved out of the screen on purpose. */
    const offCanvas = (el: Element) => !!el.closest('.mantine-AppShell-navbar[data-hidden], [aria-hidden="true"], .mantine-Drawer-root, .mantine-Popover-dropdown');

    if (document.documentElement.scrollWidth > vw + 1) out.push({ kind: 'overflow', detail: `страница шире экрана: ${document.documentElement.scrollWidth} > ${vw}` });
    const reported = new Set<Element>();
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!visible(el) || offCanvas(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && !clipped(el)) {
        // Report the outermost offender only.
        let parentReported = false;
        for (let p = el.parentElement; p; p = p.parentElement) if (reported.has(p)) parentReported = true;
        reported.add(el);
        if (!parentReported) out.push({ kind: 'overflow', detail: `${describe(el)} выходит за правый край: ${Math.round(r.right)} > ${vw}` });
      }
    }
    // Row actions must be reachable without scrolling a table sideways.
    for (const el of Array.from(document.querySelectorAll('tr button, tr a.mantine-Button-root, tr [role="button"]'))) {
      if (!visible(el) || offCanvas(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 || r.left < -1) out.push({ kind: 'offscreen-action', detail: `${describe(el)} за краем экрана (${Math.round(r.left)}…${Math.round(r.right)} при ширине ${vw})` });
    }
    // Whole labels on buttons and badges.
    const labels = document.querySelectorAll('button, a.mantine-Button-root, .mantine-Button-label, .mantine-Badge-root, .mantine-Badge-label, .mantine-SegmentedControl-label, .mantine-Tabs-tabLabel');
    for (const el of Array.from(labels)) {
      if (!visible(el) || offCanvas(el)) continue;
      const h = el as HTMLElement;
      if (h.scrollWidth > h.clientWidth + 1 && h.clientWidth > 0) out.push({ kind: 'cut-label', detail: `${describe(el)}: ${h.scrollWidth} > ${h.clientWidth}` });
    }
    return out;
  });
}

/**
 * What every page owes its user: the acting organization in sight (on a
 * phone too), the support contacts in the footer, dates typed as дд.мм.гггг
 * (never the browser's own date input, whose format follows the browser),
 * and on the desktop only what the role can do.
 */
async function pageRules(page: Page, role: string, pattern: string): Promise<string[]> {
  const out: string[] = [];
  const org = page.locator('[data-testid="acting-organization"], [data-testid="acting-organization-phone"]');
  const shown = await org.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().width > 0).map((e) => e.textContent ?? ''));
  if (!shown.length || !shown.some((t) => t.trim() && !t.includes('не выбрана'))) out.push(`организация, от имени которой действует пользователь, не видна (${JSON.stringify(shown)})`);
  if (!(await page.getByTestId('support-contacts').last().isVisible())) out.push('нет контактов службы поддержки в подвале');
  const dateInputs = await page.locator('input[type="date"], input[type="datetime-local"]').count();
  if (dateInputs) out.push(`поле даты браузера (input type=date): ${dateInputs} — даты вводятся как дд.мм.гггг`);
  if (pattern === '/' && role !== 'producer') {
    const order = await page.getByRole('link', { name: /^Сформировать/ }).or(page.getByRole('button', { name: /^Сформировать/ })).count();
    if (order) out.push('рабочий стол предлагает «Сформировать» роли, которой это недоступно');
  }
  return out;
}

describe('every page, every role, two screen sizes', () => {
  const env = useBrowserServer({ trips: 300, worker: false, config: { demo: true } });

  // A ready statement, so that its page is among those checked (the cabinet links it from a tab of the site card, which the walk does not open).
  let statementId: string | null = null;
  // A facility's monthly report for the month before, so that the report's page is checked too.
  let reportId: string | null = null;
  // The managing organization's pages that the walk reaches only through one meeting: the counting stage (entry and
  // the live count) of the meeting in progress, and the completed meeting with its protocol and ГИС ЖКХ status.
  let meetingPages: string[] = [];
  beforeAll(async () => {
    const meetings = await env.server.ctx.db.selectFrom('meetings').select(['id', 'status']).orderBy('created_at').execute();
    const open = meetings.find((m) => m.status === 'in_progress');
    const done = meetings.find((m) => m.status === 'completed');
    meetingPages = [...(open ? [`/meetings/${open.id}/stages/4`] : []), ...(done ? [`/meetings/${done.id}`] : [])];
    const facility = await signedIn(env.server.app, 'facility@ossig.test');
    const month = new Date(env.server.ctx.now());
    month.setUTCDate(1);
    month.setUTCMonth(month.getUTCMonth() - 1);
    const report = await facility.post('/api/reports', { kind: 'facility_monthly', period: month.toISOString().slice(0, 7) });
    expect(report.status, report.text).toBe(201);
    reportId = report.body.id;
    const producer = await signedIn(env.server.app, 'producer@ossig.test');
    const to = moscowDate(env.server.ctx.now());
    const from = moscowDate(new Date(env.server.ctx.now().getTime() - 60 * 86_400_000));
    for (const site of (await producer.get('/api/sites')).body.items as { id: string }[]) {
      const permits = (await producer.get(`/api/sites/${site.id}/permits?from=${from}&to=${to}`)).body.items as { id: string }[];
      if (!permits.length) continue;
      const ordered = await producer.post('/api/statements', { siteId: site.id, from, to, permitIds: permits.map((p) => p.id) });
      expect(ordered.status).toBe(202);
      statementId = ordered.body.id;
      while ((await runJobsOnce(env.server.ctx, JOBS)) > 0);
      return;
    }
    throw new Error('в демо нет объекта с перемещением за 60 дней');
  });

  const patterns = routePatterns();
  const reached = new Set<string>();
  const problems: Problem[] = [];
  const checked: { role: string; size: string; page: string; axeViolations: number }[] = [];
  let axe = '';

  it.each(ROLES)('%s: no console errors, failed requests, overflow, cut labels or serious a11y violations', async (role) => {
    if (!axe) {
      axe = axeSource();
      fs.rmSync(OUT, { recursive: true, force: true });
      fs.mkdirSync(OUT, { recursive: true });
    }
    const mine: Problem[] = [];
    const { context, page } = await newPage(env.browser, env.server.url);
    let current = { size: 'desktop', page: 'вход' };
    const add = (kind: Problem['kind'], detail: string) => mine.push({ role, ...current, kind, detail });
    page.on('console', (m) => {
      // «Failed to load resource» repeats a failed answer, which the request check below judges (with its expected 4xx).
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) add('console', m.text().slice(0, 300));
    });
    page.on('pageerror', (e) => add('console', `исключение: ${e.message.slice(0, 300)}`));
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText ?? '';
      if (!why.includes('ERR_ABORTED')) add('request', `${r.method()} ${r.url()}: ${why}`);
    });
    page.on('response', (r) => {
      const status = r.status();
      if (status < 400) return;
      const url = new URL(r.url());
      if (status === 401 && url.pathname === '/api/auth/me' && current.page === 'вход') return;
      if (status < 500 && EXPECTED_4XX.some((e) => e.method === r.request().method() && e.path.test(url.pathname) && e.status === status)) return;
      add('request', `${r.request().method()} ${url.pathname}${url.search} → ${status}`);
    });

    await signIn(page, `${role}@ossig.test`);
    // Walk the cabinet at desktop size: the navigation, then one page of every kind linked from the pages seen.
    const queue: string[] = ['/', ...(role === 'producer' && statementId ? [`/statements/${statementId}`] : []), ...(role === 'facility' && reportId ? [`/reports/${reportId}`] : []), ...(role === 'manager' ? meetingPages : [])];
    const seenPattern = new Set<string>();
    const urls: { pattern: string; url: string }[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      const pathname = new URL(url, env.server.url).pathname;
      const pattern = patterns.find((p) => toRegExp(p).test(pathname));
      if (!pattern || seenPattern.has(pattern)) continue;
      seenPattern.add(pattern);
      urls.push({ pattern, url });
      current = { size: 'desktop', page: url };
      await page.goto(url);
      await settle(page);
      const links = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('/api/')));
      for (const l of links) if (!queue.includes(l)) queue.push(l);
    }
    for (const u of urls) reached.add(u.pattern);

    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const u of urls) {
        const name = u.pattern === '/' ? 'desktop-page' : u.pattern.slice(1).replace(/[/:]+/g, '-');
        current = { size: size.name, page: u.url };
        await page.goto(u.url);
        await settle(page);
        for (const p of await layoutProblems(page)) add(p.kind, p.detail);
        for (const p of await pageRules(page, role, u.pattern)) add('rule', p);
        // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays as it is.
        await page.evaluate(axe);
        const violations = await page.evaluate(async () => {
          type Node = { target: string[]; any: { message: string }[] };
          const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: Node[] }[] }> } };
          const r = await w.axe.run(document, { resultTypes: ['violations'] });
          // Each node with axe's own words (for colour contrast: the colours and the ratio found), so a finding can be acted on.
          return r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.any[0] ? ` (${n.any[0].message})` : ''}`) }));
        });
        for (const v of violations) add('axe', `${v.impact} ${v.id}: ${v.help} — ${v.targets.join('; ')}`);
        checked.push({ role, size: size.name, page: u.url, axeViolations: violations.length });
        await page.screenshot({ path: path.join(OUT, `${role}-${size.name}-${name}.png`), fullPage: true });
      }
    }
    await context.close();
    problems.push(...mine);
    writeReport();
    expect(mine).toEqual([]);
  });

  it('every page of the cabinet was reached by some role', () => {
    const unreached = patterns.filter((p) => !reached.has(p));
    writeReport(unreached);
    expect(unreached).toEqual([]);
  });

  function writeReport(unreached: string[] = []) {
    const byKind: Record<string, number> = {};
    for (const p of problems) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    const summary = { visits: checked.length, pagesReached: reached.size, routes: patterns.length, roles: ROLES.length, sizes: SIZES.length, byKind };
    fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify({ ...summary, unreached, problems, checked }, null, 2));
    console.log(`pages check: ${JSON.stringify(summary)}`);
  }
});
