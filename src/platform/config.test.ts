import { describe, expect, it } from 'vitest';
import { ConfigError, mapTileSource, parseConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ port: 3000, databaseUrl: null, tripFormationHours: 27, role: 'all', demo: true, uploadIdleTimeoutSeconds: 30 });
    expect(parseConfig({ UPLOAD_IDLE_TIMEOUT_SECONDS: '5' }).uploadIdleTimeoutSeconds).toBe(5);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /PORT.*целое число/],
    ['PORT', '70000', /PORT.*от 0 до 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL.*postgres/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL.*URL/],
    ['ROLE', 'both', /ROLE.*web, worker, telemetry, all/],
    ['TELEMETRY_PORT', '70000', /TELEMETRY_PORT/],
    ['TELEMETRY_BODY_INPUT', '9', /TELEMETRY_BODY_INPUT/],
    ['DEMO', 'maybe', /DEMO.*true или false/],
    ['TRIP_FORMATION_HOURS', '-1', /TRIP_FORMATION_HOURS/],
    ['SMTP_URL', 'http://mail', /SMTP_URL/],
    ['UPLOAD_IDLE_TIMEOUT_SECONDS', '0', /UPLOAD_IDLE_TIMEOUT_SECONDS.*от 1 до 3600/],
  ])('a wrong %s (%s) stops start-up naming the variable', (name, value, message) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(message);
  });

  it('wants the signing key and certificate together', () => {
    expect(() => parseConfig({ SIGNING_KEY_PATH: '/k.pem' })).toThrow(/SIGNING_CERT_PATH/);
  });

  it('trusts forwarded headers only from configured proxies', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,loopback' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'loopback']);
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*адреса прокси/);
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.1/40' })).toThrow(/TRUST_PROXY.*«10\.0\.0\.1\/40»/);
    expect(() => parseConfig({ TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY/);
  });

  const PROD = { NODE_ENV: 'production', SIGNING_KEY_PATH: '/etc/ossig/key.pem', SIGNING_CERT_PATH: '/etc/ossig/cert.pem', PUBLIC_URL: 'https://ossig.example.ru' };

  it('turns the demo off in production by default', () => {
    expect(parseConfig(PROD).demo).toBe(false);
  });

  it.each([
    ['without an operator key or signer', { SIGNING_KEY_PATH: '', SIGNING_CERT_PATH: '' }, 'SIGNING_KEY_PATH'],
    ['without PUBLIC_URL', { PUBLIC_URL: '' }, 'PUBLIC_URL'],
    ['with links to localhost', { PUBLIC_URL: 'http://localhost:3000' }, 'PUBLIC_URL'],
    ['with links to 127.0.0.1', { PUBLIC_URL: 'http://127.0.0.1:3000' }, 'PUBLIC_URL'],
    ['with the demo', { DEMO: 'true' }, 'DEMO'],
  ])('production refuses to start %s, naming the variable', (_name, patch, variable) => {
    const env = { ...PROD, ...patch };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`Неверная настройка ${variable}:`));
  });

  it('an external signer needs its certificate and {in}/{out}; not together with a key file', () => {
    expect(() => parseConfig({ SIGNER_COMMAND: 'cryptcp -sign {in} {out}' })).toThrow(/SIGNING_CERT_PATH/);
    expect(() => parseConfig({ SIGNER_COMMAND: 'cryptcp -sign', SIGNING_CERT_PATH: '/c.pem' })).toThrow(/SIGNER_COMMAND.*\{in\}/);
    expect(() => parseConfig({ SIGNER_COMMAND: 'x {in} {out}', SIGNING_CERT_PATH: '/c.pem', SIGNING_KEY_PATH: '/k.pem' })).toThrow(/SIGNER_COMMAND/);
    const c = parseConfig({ ...PROD, SIGNING_KEY_PATH: '', SIGNER_COMMAND: 'cryptcp -sign -detached -der {in} {out}' });
    expect(c.signing).toMatchObject({ keyPath: null, command: 'cryptcp -sign -detached -der {in} {out}', certPath: '/etc/ossig/cert.pem' });
  });

  it('support contacts and the time-stamp authority', () => {
    expect(parseConfig({ SUPPORT_PHONE: '+7 (495) 123-45-67', SUPPORT_EMAIL: 'help@ossig.ru' }).support).toEqual({ phone: '+7 (495) 123-45-67', email: 'help@ossig.ru' });
    expect(() => parseConfig({ SUPPORT_PHONE: 'звоните нам' })).toThrow(/SUPPORT_PHONE/);
    expect(() => parseConfig({ SUPPORT_EMAIL: 'not-an-address' })).toThrow(/SUPPORT_EMAIL/);
    expect(parseConfig(PROD).support).toEqual({ phone: null, email: null });
    expect(parseConfig({ TSP_URL: 'http://tsp.example/tsp' }).tsp.url).toBe('http://tsp.example/tsp');
    expect(() => parseConfig({ TSP_URL: 'ftp://tsp' })).toThrow(/TSP_URL/);
  });

  it('the map tiles: OpenStreetMap by default, any server by MAP_TILE_URL, its origin allowed for images', () => {
    const d = parseConfig({}).map;
    expect(d).toMatchObject({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: [], maxZoom: 19 });
    expect(d.attribution).toContain('OpenStreetMap');
    expect(mapTileSource(d)).toBe('https://tile.openstreetmap.org');
    const own = parseConfig({ MAP_TILE_URL: 'https://{s}.tiles.example.ru:8443/osm/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Наш сервер', MAP_TILE_SUBDOMAINS: 'a, b' }).map;
    expect(own).toMatchObject({ attribution: '© Наш сервер', subdomains: ['a', 'b'] });
    expect(mapTileSource(own)).toBe('https://*.tiles.example.ru:8443');
    expect(parseConfig({ MAP_TILE_URL: 'http://127.0.0.1:9000/{z}/{x}/{y}.png' }).map.attribution).toBe('');
    expect(() => parseConfig({ MAP_TILE_URL: 'https://tiles.example.ru/{z}/{x}.png' })).toThrow(/MAP_TILE_URL.*\{y\}/);
    expect(() => parseConfig({ MAP_TILE_URL: 'ftp://tiles.example.ru/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => parseConfig({ MAP_TILE_URL: '{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL/);
  });
});
