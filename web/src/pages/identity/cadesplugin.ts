/**
 * CryptoPro ЭЦП Browser plug-in, through its documented asynchronous interface (`window.cadesplugin`,
 * defined by CryptoPro's cadesplugin_api.js when the plug-in and its extension are installed):
 * the certificates of the personal store («Личное») and a CAdES-BES signature of the challenge,
 * made by CryptoPro CSP with the key where it lives (registry, disk, token).
 *
 * The challenge is given as base64 of its UTF-8 octets with CADESCOM_BASE64_TO_BINARY: with the
 * plug-in's default encoding (CADESCOM_STRING_TO_UCS2LE) it would sign UTF-16 text, not what the
 * server issued. The signature comes back as base64 CMS with the content attached.
 */

/** What the page needs of a CAPICOM certificate object (every property read is a promise). */
interface PluginCertificate {
  SubjectName: Promise<string>;
  IssuerName: Promise<string>;
  ValidFromDate: Promise<string | Date>;
  ValidToDate: Promise<string | Date>;
  Thumbprint: Promise<string>;
  HasPrivateKey(): Promise<boolean>;
}

interface PluginObject {
  [k: string]: unknown;
}

export interface CadesPlugin extends PromiseLike<unknown> {
  CreateObjectAsync(name: string): Promise<PluginObject>;
  getLastError?(e: unknown): string;
  CAPICOM_CURRENT_USER_STORE: number;
  CAPICOM_MY_STORE: string;
  CAPICOM_STORE_OPEN_MAXIMUM_ALLOWED: number;
  CAPICOM_CERTIFICATE_INCLUDE_END_ENTITY_ONLY: number;
  CADESCOM_CADES_BES: number;
  CADESCOM_BASE64_TO_BINARY: number;
}

export interface PluginCertificateInfo {
  thumbprint: string;
  subject: string;
  commonName: string;
  organization: string | null;
  issuer: string;
  validFrom: string;
  validTo: string;
  hasPrivateKey: boolean;
}

type Call = (...args: unknown[]) => Promise<unknown>;
const call = (o: PluginObject, method: string, ...args: unknown[]): Promise<unknown> => (o[method] as Call).apply(o, args);
const prop = <T>(o: PluginObject, name: string): Promise<T> => Promise.resolve(o[name] as T);

/** The plug-in object when the page has one, null otherwise. */
export function pluginOnPage(): CadesPlugin | null {
  const p = (window as unknown as { cadesplugin?: CadesPlugin }).cadesplugin;
  return p && typeof p.CreateObjectAsync === 'function' ? p : null;
}

/** Waits for the plug-in to load (its promise), at most `ms`. */
export async function pluginReady(plugin: CadesPlugin, ms = 10_000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      Promise.resolve(plugin),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Плагин КриптоПро не ответил за 10 секунд')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The plug-in's own text of an error (in Russian, as CryptoPro writes it). */
export function pluginMessage(plugin: CadesPlugin, e: unknown): string {
  try {
    if (typeof plugin.getLastError === 'function') return plugin.getLastError(e);
  } catch {
    /* fall through */
  }
  return e instanceof Error ? e.message : String(e);
}

const rdn = (dn: string, key: string): string | null => {
  const m = new RegExp(`(?:^|,\\s*)${key}=("(?:[^"]|"")*"|[^,]*)`).exec(dn);
  if (!m) return null;
  const v = m[1]!.trim();
  return v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v;
};

async function openStore(plugin: CadesPlugin): Promise<PluginObject> {
  const store = await plugin.CreateObjectAsync('CAdESCOM.Store');
  await call(store, 'Open', plugin.CAPICOM_CURRENT_USER_STORE, plugin.CAPICOM_MY_STORE, plugin.CAPICOM_STORE_OPEN_MAXIMUM_ALLOWED);
  return store;
}

async function eachCertificate<T>(plugin: CadesPlugin, visit: (c: PluginCertificate & PluginObject) => Promise<T | undefined>): Promise<T[]> {
  const store = await openStore(plugin);
  const out: T[] = [];
  try {
    const certs = await prop<PluginObject>(store, 'Certificates');
    const count = await prop<number>(certs, 'Count');
    for (let i = 1; i <= count; i++) {
      const c = (await call(certs, 'Item', i)) as PluginCertificate & PluginObject;
      const v = await visit(c);
      if (v !== undefined) out.push(v);
    }
  } finally {
    await call(store, 'Close').catch(() => undefined);
  }
  return out;
}

/** The certificates of the personal store, with or without a private key. */
export async function listCertificates(plugin: CadesPlugin): Promise<PluginCertificateInfo[]> {
  return eachCertificate(plugin, async (c) => {
    const subject = await c.SubjectName;
    return {
      thumbprint: await c.Thumbprint,
      subject,
      commonName: rdn(subject, 'CN') ?? subject,
      organization: rdn(subject, 'O'),
      issuer: rdn(await c.IssuerName, 'CN') ?? (await c.IssuerName),
      validFrom: new Date(await c.ValidFromDate).toISOString(),
      validTo: new Date(await c.ValidToDate).toISOString(),
      hasPrivateKey: await c.HasPrivateKey(),
    };
  });
}

const utf8Base64 = (text: string): string => {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
};

/** Signs `challenge` (its UTF-8 octets) with the certificate of that thumbprint: base64 CAdES-BES, content attached. */
export async function signWithPlugin(plugin: CadesPlugin, thumbprint: string, challenge: string): Promise<string> {
  const [signature] = await eachCertificate(plugin, async (c) => {
    if ((await c.Thumbprint) !== thumbprint) return undefined;
    const signer = await plugin.CreateObjectAsync('CAdESCOM.CPSigner');
    await call(signer, 'propset_Certificate', c);
    await call(signer, 'propset_Options', plugin.CAPICOM_CERTIFICATE_INCLUDE_END_ENTITY_ONLY);
    const data = await plugin.CreateObjectAsync('CAdESCOM.CadesSignedData');
    await call(data, 'propset_ContentEncoding', plugin.CADESCOM_BASE64_TO_BINARY);
    await call(data, 'propset_Content', utf8Base64(challenge));
    return String(await call(data, 'SignCades', signer, plugin.CADESCOM_CADES_BES, false));
  });
  if (!signature) throw new Error('Сертификат не найден в хранилище «Личное»');
  return signature.replace(/\s+/g, '');
}
