/**
 * A SIMULATOR of CryptoPro ЭЦП Browser plug-in — not the plug-in. It gives the page a
 * `window.cadesplugin` that follows the plug-in's documented asynchronous interface
 * (cadesplugin_api.js: the object is a promise that resolves when the plug-in is loaded;
 * CreateObjectAsync('CAdESCOM.Store' | 'CAdESCOM.CPSigner' | 'CAdESCOM.CadesSignedData'); every
 * property read returns a promise, writes are `propset_<Name>(value)`; Store.Open(location, name,
 * mode), Store.Certificates.Count / .Item(i) (1-based), Certificate.SubjectName / IssuerName /
 * ValidFromDate / ValidToDate / Thumbprint / HasPrivateKey(); CadesSignedData.ContentEncoding
 * (CADESCOM_STRING_TO_UCS2LE = 0 by default, CADESCOM_BASE64_TO_BINARY = 1), .Content,
 * .SignCades(signer, CADESCOM_CADES_BES = 1, detached) → base64 CMS with CRLF line breaks; the
 * constants; getLastError(e)).
 *
 * Where the real plug-in hands the work to CryptoPro CSP through its native host, the simulator
 * calls the test process (a Playwright binding), which signs with the system's own ГОСТ code
 * (src/platform/signing) using the key of the chosen certificate. So the page's plug-in path runs
 * against the documented interface and the server checks a real ГОСТ signature; what is not tested
 * is CryptoPro's own software.
 */
import crypto from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { parseCertificate, signAttached, signDetached } from '../../src/platform/signing/index.js';

export interface SimulatedStoreEntry {
  certPem: string;
  /** null: a certificate in the store without its key. */
  keyPem: string | null;
}

const dn = (n: { commonName?: string; organization?: string; country?: string }): string =>
  [n.commonName && `CN=${n.commonName}`, n.organization && `O="${n.organization.replace(/"/g, '""')}"`, n.country && `C=${n.country}`].filter(Boolean).join(', ');

export async function installCadesPluginSimulator(context: BrowserContext, store: readonly SimulatedStoreEntry[]): Promise<{ signed: string[] }> {
  const entries = store.map((e) => {
    const cert = parseCertificate(e.certPem);
    return {
      e,
      info: {
        thumbprint: crypto.createHash('sha1').update(cert.der).digest('hex').toUpperCase(),
        subject: dn(cert.subject),
        issuer: dn(cert.issuer),
        validFrom: cert.notBefore.toISOString(),
        validTo: cert.notAfter.toISOString(),
        hasPrivateKey: e.keyPem !== null,
      },
    };
  });
  const signed: string[] = [];
  await context.exposeBinding('__cadesNativeHost', (_source, op: string, arg: { thumbprint?: string; content?: string; detached?: boolean }) => {
    if (op === 'list') return entries.map((x) => x.info);
    const entry = entries.find((x) => x.info.thumbprint === arg.thumbprint);
    if (!entry?.e.keyPem) throw new Error('Не удается найти закрытый ключ сертификата (0x8009200B)');
    const data = Buffer.from(arg.content ?? '', 'base64');
    signed.push(data.toString('utf8'));
    const opts = { data, keyPem: entry.e.keyPem, certPem: entry.e.certPem };
    const der = arg.detached ? signDetached(opts) : signAttached(opts);
    return (der.toString('base64').match(/.{1,64}/g) ?? []).join('\r\n');
  });
  await context.addInitScript(() => {
    type Host = (op: string, arg?: unknown) => Promise<unknown>;
    const host: Host = (op, arg) => (window as unknown as { __cadesNativeHost: Host }).__cadesNativeHost(op, arg);
    const ucs2leBase64 = (s: string): string => {
      let bin = '';
      for (let i = 0; i < s.length; i++) bin += String.fromCharCode(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
      return btoa(bin);
    };
    interface Info { thumbprint: string; subject: string; issuer: string; validFrom: string; validTo: string; hasPrivateKey: boolean }
    const certificateObject = (info: Info) => ({
      get SubjectName() { return Promise.resolve(info.subject); },
      get IssuerName() { return Promise.resolve(info.issuer); },
      get ValidFromDate() { return Promise.resolve(info.validFrom); },
      get ValidToDate() { return Promise.resolve(info.validTo); },
      get Thumbprint() { return Promise.resolve(info.thumbprint); },
      HasPrivateKey: () => Promise.resolve(info.hasPrivateKey),
      __info: info,
    });
    const objects: Record<string, () => object> = {
      'CAdESCOM.Store': () => {
        let opened: Info[] | null = null;
        return {
          Open: async (location: number, name: string) => {
            if (location !== 2 || name !== 'My') throw new Error('Хранилище не найдено');
            opened = (await host('list')) as Info[];
          },
          get Certificates() {
            const list = opened;
            if (!list) return Promise.reject(new Error('Хранилище не открыто'));
            return Promise.resolve({
              get Count() { return Promise.resolve(list.length); },
              Item: (i: number) => (i >= 1 && i <= list.length ? Promise.resolve(certificateObject(list[i - 1]!)) : Promise.reject(new Error('Неверный индекс'))),
            });
          },
          Close: () => Promise.resolve(),
        };
      },
      'CAdESCOM.CPSigner': () => {
        const s: { certificate: { __info: Info } | null; options: number } = { certificate: null, options: 0 };
        return {
          propset_Certificate: (c: { __info: Info }) => { s.certificate = c; return Promise.resolve(); },
          propset_Options: (o: number) => { s.options = o; return Promise.resolve(); },
          get Certificate() { return Promise.resolve(s.certificate); },
          __state: s,
        };
      },
      'CAdESCOM.CadesSignedData': () => {
        const d = { encoding: 0, content: '' };
        return {
          propset_ContentEncoding: (e: number) => { d.encoding = e; return Promise.resolve(); },
          propset_Content: (c: string) => { d.content = c; return Promise.resolve(); },
          get Content() { return Promise.resolve(d.content); },
          SignCades: async (signer: { __state: { certificate: { __info: Info } | null } }, type: number, detached?: boolean) => {
            if (type !== 1) throw new Error('Тип подписи не поддерживается симулятором (нужен CADESCOM_CADES_BES)');
            const cert = signer.__state.certificate;
            if (!cert) throw new Error('Не задан сертификат подписанта');
            const content = d.encoding === 1 ? d.content : ucs2leBase64(d.content);
            return host('sign', { thumbprint: cert.__info.thumbprint, content, detached: !!detached });
          },
        };
      },
    };
    const plugin = Object.assign(Promise.resolve(), {
      CreateObjectAsync: (name: string) => (objects[name] ? Promise.resolve(objects[name]!()) : Promise.reject(new Error(`Объект ${name} не поддерживается`))),
      getLastError: (e: unknown) => (e instanceof Error ? e.message : String(e)),
      CAPICOM_CURRENT_USER_STORE: 2,
      CAPICOM_MY_STORE: 'My',
      CAPICOM_STORE_OPEN_MAXIMUM_ALLOWED: 2,
      CAPICOM_CERTIFICATE_INCLUDE_END_ENTITY_ONLY: 2,
      CAPICOM_CERTIFICATE_INCLUDE_WHOLE_CHAIN: 1,
      CADESCOM_CADES_BES: 1,
      CADESCOM_STRING_TO_UCS2LE: 0,
      CADESCOM_BASE64_TO_BINARY: 1,
      __simulator: 'ОССиГ test double of CryptoPro ЭЦП Browser plug-in',
    });
    (window as unknown as { cadesplugin: unknown }).cadesplugin = plugin;
  });
  return { signed };
}
