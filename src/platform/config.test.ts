import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

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
    ['ROLE', 'both', /ROLE.*web, worker, all/],
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

  it('turns the demo off in production by default', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).demo).toBe(false);
  });
});
