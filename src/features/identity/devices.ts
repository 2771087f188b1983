/**
 * Devices: a browser family and operating system plus the IP address. A
 * sign-in from a device the person has not used before sends the warning
 * e-mail «Предупреждение о входе» (seed 003) with a link that ends the session.
 */
import crypto from 'node:crypto';

/** «Chrome 141 на Windows», «Firefox на Linux», … from a User-Agent header. */
export function describeUserAgent(ua: string | null | undefined): { browser: string; os: string; text: string } {
  const s = ua ?? '';
  const pick = (pairs: [RegExp, string][]): string => {
    for (const [re, name] of pairs) {
      const m = s.match(re);
      if (m) return m[1] ? `${name} ${m[1].split('.')[0]}` : name;
    }
    return '';
  };
  const browser =
    pick([
      [/YaBrowser\/([\d.]+)/, 'Яндекс Браузер'],
      [/Edg(?:e|A|iOS)?\/([\d.]+)/, 'Edge'],
      [/OPR\/([\d.]+)/, 'Opera'],
      [/Firefox\/([\d.]+)/, 'Firefox'],
      [/Chrom(?:e|ium)\/([\d.]+)/, 'Chrome'],
      [/Version\/([\d.]+).*Safari/, 'Safari'],
      [/^curl\/([\d.]+)/, 'curl'],
      [/^node/i, 'Node.js'],
    ]) || 'неизвестный браузер';
  const os =
    pick([
      [/Windows NT/, 'Windows'],
      [/Android/, 'Android'],
      [/iPhone|iPad/, 'iOS'],
      [/Mac OS X/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ]) || 'неизвестная система';
  return { browser, os, text: `${browser}, ${os}` };
}

/** Browser family (without version) + OS + IP: a new browser or a new network is a new device. */
export function deviceFingerprint(ua: string | null | undefined, ip: string | null | undefined): { fingerprint: string; description: string } {
  const d = describeUserAgent(ua);
  const family = d.browser.replace(/ \d+$/, '');
  const fingerprint = crypto.createHash('sha256').update(`${family}|${d.os}|${ip ?? ''}`).digest('hex');
  return { fingerprint, description: `${d.text}, IP ${ip ?? 'неизвестен'}` };
}
