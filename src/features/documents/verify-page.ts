/**
 * The public verification page (`GET /verify`), self-contained: anyone, not
 * signed in, picks a document and its `.sig`; the page posts them to
 * `POST /api/signatures/verify` and says whether the signature is valid, who
 * signed and when. The script is served apart (`/verify.js`) to satisfy the
 * Content-Security-Policy (no inline scripts).
 */

export const VERIFY_HTML = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Проверка электронной подписи — ОССиГ</title>
<style>
  :root { color-scheme: light; --blue: #1d4ea3; --green: #1b7a3a; --red: #b3261e; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; background: #f4f6fa; color: #1c2430; }
  header { background: var(--blue); color: #fff; padding: 14px 24px; font-weight: 600; }
  main { max-width: 720px; margin: 32px auto; padding: 0 16px; }
  .card { background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: 24px; margin-bottom: 20px; }
  h1 { font-size: 22px; margin: 0 0 8px; }
  p.hint { color: #5a6675; margin: 0 0 20px; }
  label { display: block; font-weight: 600; margin: 16px 0 6px; }
  input[type=file] { display: block; width: 100%; padding: 10px; border: 1px dashed #aab4c3; border-radius: 8px; background: #fafbfd; }
  button { margin-top: 22px; background: var(--blue); color: #fff; border: 0; border-radius: 8px; padding: 11px 22px; font-size: 16px; cursor: pointer; }
  button[disabled] { opacity: .6; cursor: default; }
  .result h2 { margin: 0 0 12px; font-size: 20px; }
  .ok h2 { color: var(--green); }
  .bad h2 { color: var(--red); }
  dl { display: grid; grid-template-columns: 200px 1fr; gap: 6px 12px; margin: 0; }
  dt { color: #5a6675; }
  dd { margin: 0; word-break: break-word; }
  .hidden { display: none; }
</style>
</head>
<body>
<header>ОССиГ · Проверка электронной подписи документа</header>
<main>
  <div class="card">
    <h1>Проверка подписи</h1>
    <p class="hint">Выберите документ (PDF или XLSX сведений о результатах перемещения ОСС) и файл его электронной подписи (.sig).
      Проверка не требует входа в систему; файлы не сохраняются.</p>
    <p class="hint hidden" id="statement-hint"></p>
    <form id="verify-form">
      <label for="file">Документ</label>
      <input type="file" id="file" name="file" required>
      <label for="signature">Файл подписи (.sig)</label>
      <input type="file" id="signature" name="signature" accept=".sig,.p7s" required>
      <button type="submit" id="submit">Проверить</button>
    </form>
  </div>
  <div class="card result hidden" id="result" aria-live="polite"></div>
  <p class="hint">Подпись: CAdES-BES (CMS, DER), ГОСТ Р 34.10-2012 (256 или 512 бит), ГОСТ Р 34.11-2012 «Стрибог».
    Сертификат информационного оператора: <a href="/api/signatures/certificate">скачать</a>.
    Проверить документ по коду с бумажной копии: <a href="/d">реестр выданных документов</a>.</p>
</main>
<script src="/verify.js"></script>
</body>
</html>
`;

export const VERIFY_JS = `(() => {
  const form = document.getElementById('verify-form');
  const out = document.getElementById('result');
  const button = document.getElementById('submit');
  const params = new URLSearchParams(location.search);
  if (params.get('statement') || params.get('code')) {
    const hint = document.getElementById('statement-hint');
    hint.textContent = 'Вы перешли по QR-коду документа. Выберите этот документ и его файл подписи (.sig), полученные вместе с ним.';
    hint.classList.remove('hidden');
  }
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const date = (s) => s ? new Date(s).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow' }) + ' (МСК)' : '—';
  const day = (s) => s ? new Date(s).toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' }) : '—';
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    button.textContent = 'Проверяем…';
    out.className = 'card result';
    out.innerHTML = '';
    try {
      const body = new FormData();
      body.append('file', document.getElementById('file').files[0]);
      body.append('signature', document.getElementById('signature').files[0]);
      const res = await fetch('/api/signatures/verify', { method: 'POST', body });
      const data = await res.json();
      if (!res.ok) {
        out.classList.add('bad');
        out.innerHTML = '<h2>Проверить не удалось</h2><p>' + esc(data.detail || data.title || 'Ошибка') + '</p>';
        return;
      }
      const rows = [];
      if (data.signer) {
        const s = data.signer;
        rows.push(['Подписант', [s.commonName, s.organization].filter(Boolean).join(', ')]);
        if (s.innLe || s.inn) rows.push(['ИНН', s.innLe || s.inn]);
        if (s.ogrn) rows.push(['ОГРН', s.ogrn]);
        rows.push(['Сертификат', s.serialNumber]);
        rows.push(['Действителен', 'с ' + day(s.validFrom) + ' по ' + day(s.validTo)]);
        rows.push(['Издатель', s.issuer]);
        if (s.isOperator) rows.push(['', 'Сертификат информационного оператора ОССиГ']);
      }
      rows.push(['Время подписания', date(data.signedAt)]);
      if (data.timestamp) rows.push(['Метка времени (RFC 3161)', date(data.timestamp.at) + (data.timestamp.valid ? '' : ' — не прошла проверку')]);
      const d = data.document;
      if (d) {
        rows.push(['Документ', '№ ' + d.number + ' (' + d.kind.toUpperCase() + ')']);
        rows.push(['Код проверки', d.code]);
        rows.push(['Состояние', d.status === 'annulled' ? 'АННУЛИРОВАН ' + date(d.annulledAt) + ': ' + (d.annulReason || '') : 'действителен']);
      }
      const annulled = d && d.status === 'annulled';
      out.classList.add(data.valid && !annulled ? 'ok' : 'bad');
      out.innerHTML = '<h2>' + (data.valid ? (annulled ? '✘ Подпись верна, но документ аннулирован оператором' : '✔ Подпись действительна') : '✘ Подпись недействительна') + '</h2>' +
        (data.reason ? '<p>' + esc(data.reason) + '</p>' : '') +
        '<dl>' + rows.map(([k, v]) => '<dt>' + esc(k) + '</dt><dd>' + esc(v) + '</dd>').join('') + '</dl>' +
        (d ? '<p><a href="' + esc(d.url) + '">Запись реестра выданных документов</a></p>' : '');
    } catch (err) {
      out.classList.add('bad');
      out.innerHTML = '<h2>Проверить не удалось</h2><p>Сервис недоступен, повторите попытку позже.</p>';
    } finally {
      button.disabled = false;
      button.textContent = 'Проверить';
    }
  });
})();
`;
