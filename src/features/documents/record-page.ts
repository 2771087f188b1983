/**
 * The public pages of the registry, server-rendered (no script, so they work
 * from a phone that scanned the QR code and under a strict CSP):
 *  - `/d`        a form to type the code printed on the document;
 *  - `/d/:code`  the record: what the document says, line by line, and whether it is valid or annulled.
 */
import { formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import type { PublicRecord } from './record.js';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
  :root { color-scheme: light; --blue: #1d4ea3; --green: #1b7a3a; --red: #b3261e; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; background: #f4f6fa; color: #1c2430; }
  header { background: var(--blue); color: #fff; padding: 14px 24px; font-weight: 600; }
  main { max-width: 860px; margin: 28px auto; padding: 0 16px; }
  .card { background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: 22px 24px; margin-bottom: 18px; }
  h1 { font-size: 22px; margin: 0 0 6px; }
  h2 { font-size: 18px; margin: 0 0 10px; }
  .status { font-size: 20px; font-weight: 700; margin: 0 0 6px; }
  .valid { color: var(--green); } .annulled { color: var(--red); }
  dl { display: grid; grid-template-columns: 260px 1fr; gap: 6px 14px; margin: 0; }
  dt { color: #5a6675; } dd { margin: 0; word-break: break-word; }
  code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
  .hint { color: #5a6675; }
  input[type=text] { font: 20px ui-monospace, monospace; letter-spacing: .08em; padding: 10px; width: 100%; max-width: 360px; text-transform: uppercase; }
  button { margin-top: 14px; background: var(--blue); color: #fff; border: 0; border-radius: 8px; padding: 11px 22px; font-size: 16px; cursor: pointer; }
  @media (max-width: 640px) { dl { grid-template-columns: 1fr; } dt { margin-top: 8px; } }
`;

function page(title: string, body: string, support: { phone: string | null; email: string | null }): string {
  const contacts = [support.phone ? `тел. ${esc(support.phone)}` : '', support.email ? `<a href="mailto:${esc(support.email)}">${esc(support.email)}</a>` : ''].filter(Boolean).join(', ');
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} — ОССиГ</title>
<style>${STYLE}</style>
</head>
<body>
<header>ОССиГ · Реестр выданных документов</header>
<main>
${body}
<p class="hint">Проверить файл документа и его электронную подпись (.sig): <a href="/verify">страница проверки подписи</a>.${contacts ? ` Служба поддержки: ${contacts}.` : ''}</p>
</main>
</body>
</html>
`;
}

export function codeFormPage(support: { phone: string | null; email: string | null }, message?: string): string {
  return page(
    'Проверка документа по коду',
    `<div class="card">
  <h1>Проверка документа по коду</h1>
  <p class="hint">Введите код проверки, напечатанный на документе (15 знаков, например 7KQ2M-9XW4T-HB3RZ), — откроется запись реестра: что выдано, кому, за какой период, итоги и действителен ли документ.</p>
  ${message ? `<p class="annulled">${esc(message)}</p>` : ''}
  <form method="get" action="/d">
    <label for="code">Код проверки</label><br>
    <input type="text" id="code" name="code" autocomplete="off" spellcheck="false" maxlength="40" required>
    <br><button type="submit">Открыть запись</button>
  </form>
</div>`,
    support,
  );
}

export function recordPage(r: PublicRecord, support: { phone: string | null; email: string | null }): string {
  const rows = (items: { label: string; value: string }[]) => items.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`).join('\n');
  const status =
    r.status === 'annulled'
      ? `<p class="status annulled">✘ Документ аннулирован информационным оператором</p>
  <dl><dt>Когда</dt><dd>${esc(r.annulledAt ? `${formatMoscowDateTime(new Date(r.annulledAt))} (МСК)` : '—')}</dd><dt>Причина</dt><dd>${esc(r.annulReason)}</dd></dl>`
      : `<p class="status valid">✔ Документ действителен: выдан и не аннулирован</p>`;
  const s = r.signer;
  const signer = s
    ? rows([
        { label: 'Владелец сертификата', value: s.owner ?? '—' },
        { label: 'Организация', value: s.organization ?? '—' },
        { label: 'ИНН ЮЛ / ОГРН', value: `${s.innLe ?? '—'} / ${s.ogrn ?? '—'}` },
        { label: 'Серийный номер сертификата', value: s.serialNumber ?? '—' },
        { label: 'Действителен', value: s.validFrom && s.validTo ? `с ${formatMoscowDate(new Date(s.validFrom))} по ${formatMoscowDate(new Date(s.validTo))}` : '—' },
        { label: 'Издатель', value: s.issuer ?? '—' },
        { label: 'Отпечаток (Стрибог-256)', value: s.fingerprint ?? '—' },
        { label: 'Алгоритм', value: s.algorithm ?? '—' },
        { label: 'Подписан', value: r.signedAt ? `${formatMoscowDateTime(new Date(r.signedAt))} (МСК)` : '—' },
        ...(r.timestampedAt ? [{ label: 'Метка времени (RFC 3161)', value: `${formatMoscowDateTime(new Date(r.timestampedAt))} (МСК)` }] : []),
      ])
    : '';
  const files = r.files
    .map(
      (f) => `<dt>${esc(f.kind.toUpperCase())}, ${esc(f.bytes.toLocaleString('ru-RU'))} байт</dt><dd>SHA-256: <code>${esc(f.sha256)}</code><br>Стрибог: <code>${esc(f.streebog)}</code><br>Подпись (.sig), SHA-256: <code>${esc(f.signatureSha256)}</code></dd>`,
    )
    .join('\n');
  return page(
    `${r.kindName} № ${r.number}`,
    `<div class="card">
  <h1>${esc(r.kindName)} № ${esc(r.number)} от ${esc(r.date)}</h1>
  <p class="hint">Код проверки: <strong>${esc(r.code)}</strong>. Сравните запись с документом строка за строкой.</p>
  ${status}
</div>
<div class="card"><h2>Что указано в документе</h2><dl>
${rows(r.facts)}
</dl></div>
<div class="card"><h2>Итоги</h2><dl>
${rows(r.totals)}
</dl></div>
<div class="card"><h2>Электронная подпись</h2><dl>
${signer}
</dl></div>
<div class="card"><h2>Файлы</h2><dl>
${files || '<dt>—</dt><dd>—</dd>'}
</dl></div>`,
    support,
  );
}

export function notFoundPage(support: { phone: string | null; email: string | null }): string {
  return codeFormPage(support, 'Документ с таким кодом не найден в реестре выданных документов. Проверьте код.');
}
