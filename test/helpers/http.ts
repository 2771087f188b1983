/**
 * Through HTTP as a real user: the Fastify app with all features, requests
 * by `inject`, a cookie jar per client.
 */
import { buildServer, type App } from '../../src/platform/http/server.js';
import { ROUTES } from '../../src/features/index.js';
import type { AppContext } from '../../src/platform/context.js';
import { DEMO_PASSWORD } from '../../src/features/demo/seed.js';

export async function buildTestApp(ctx: AppContext): Promise<App> {
  const app = await buildServer(ctx, ROUTES, { logger: false });
  await app.ready();
  return app;
}

export interface Res<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
}

export class Client {
  private cookie = '';
  constructor(
    readonly app: App,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const res = await this.app.inject({
      method: method as any,
      url,
      payload: body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      headers: {
        ...(body !== undefined && !headers['content-type'] ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.extraHeaders,
        ...headers,
      },
    });
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      if (pair.startsWith('ossig_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    let parsed: any = res.body;
    const type = String(res.headers['content-type'] ?? '');
    if (type.includes('json')) parsed = res.body ? JSON.parse(res.body) : null;
    return { status: res.statusCode, headers: res.headers, body: parsed as T, text: res.body };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }

  async login(login: string, password = DEMO_PASSWORD): Promise<Res> {
    const res = await this.post('/api/auth/login', { login, password });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${res.text}`);
    return res;
  }
}

export async function signedIn(app: App, login: string): Promise<Client> {
  const c = new Client(app);
  await c.login(login);
  return c;
}
