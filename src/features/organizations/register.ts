/**
 * The state register (ЕГРЮЛ / ЕГРИП) behind one interface. The HTTP adapter
 * speaks the widespread «find party by ИНН» protocol (DaData
 * `findById/party`: POST {"query": ИНН}, `Authorization: Token …`, answer
 * `{"suggestions":[{"value", "data":{inn, kpp, ogrn, type, name, address}}]}`),
 * at the URL and token of config.register. A failed lookup returns null and
 * never blocks: the user fills the profile by hand.
 */
import type { Config } from '../../platform/config.js';
import { checkInn, checkKpp, checkOgrn, checkOgrnip } from '../../domain/identifiers.js';

export interface RegisterRecord {
  kind: 'legal' | 'individual';
  inn: string;
  ogrn: string | null;
  kpp: string | null;
  name: string;
  shortName: string | null;
  address: string | null;
  /** ACTIVE, LIQUIDATING, LIQUIDATED, … as the provider says. */
  status: string | null;
}

export interface OrganizationRegister {
  readonly name: string;
  /** The organization with this ИНН, or null when not found or the register is unreachable. */
  lookup(inn: string): Promise<RegisterRecord | null>;
}

export type RegisterLookupFailure = 'not_configured' | 'not_found' | 'unavailable' | 'malformed';

export function httpRegister(url: string, token: string | null, timeoutMs = 4000): OrganizationRegister & {
  lookupDetailed(inn: string): Promise<{ record: RegisterRecord | null; failure?: RegisterLookupFailure }>;
} {
  async function lookupDetailed(inn: string): Promise<{ record: RegisterRecord | null; failure?: RegisterLookupFailure }> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Token ${token}` } : {}),
        },
        body: JSON.stringify({ query: inn }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      return { record: null, failure: 'unavailable' };
    }
    if (!res.ok) return { record: null, failure: res.status === 404 ? 'not_found' : 'unavailable' };
    let body: any;
    try {
      body = await res.json();
    } catch {
      return { record: null, failure: 'malformed' };
    }
    const s = Array.isArray(body?.suggestions) ? body.suggestions.find((x: any) => x?.data?.inn === inn) : undefined;
    if (!s) return { record: null, failure: 'not_found' };
    const d = s.data;
    const kind = d.type === 'INDIVIDUAL' ? 'individual' : 'legal';
    const ogrn = typeof d.ogrn === 'string' && (kind === 'legal' ? checkOgrn(d.ogrn).ok : checkOgrnip(d.ogrn).ok) ? d.ogrn : null;
    const kpp = kind === 'legal' && typeof d.kpp === 'string' && checkKpp(d.kpp).ok ? d.kpp : null;
    const name = String(d.name?.full_with_opf ?? s.value ?? '').trim();
    if (!name || !checkInn(inn).ok) return { record: null, failure: 'malformed' };
    return {
      record: {
        kind,
        inn,
        ogrn,
        kpp,
        name: name.slice(0, 500),
        shortName: d.name?.short_with_opf ? String(d.name.short_with_opf).slice(0, 300) : (s.value ? String(s.value).slice(0, 300) : null),
        address: d.address?.unrestricted_value ?? d.address?.value ?? null,
        status: d.state?.status ?? null,
      },
    };
  }
  return {
    name: `http:${new URL(url).host}`,
    lookupDetailed,
    async lookup(inn) {
      return (await lookupDetailed(inn)).record;
    },
  };
}

/** The register of the configuration, or null when none is configured (then profiles are filled by hand). */
export function registerFromConfig(config: Config): ReturnType<typeof httpRegister> | null {
  return config.register.url ? httpRegister(config.register.url, config.register.token) : null;
}
