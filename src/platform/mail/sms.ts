/**
 * Outgoing SMS (a phone's confirmation code). With SMS_GATEWAY_URL set, the
 * text is POSTed as JSON `{"to": "+7…", "text": "…"}` to the gateway (with
 * `Authorization: Bearer SMS_GATEWAY_TOKEN` when given); without it an SMS
 * stays in the local outbox like mail, its code discarded. SMS are written
 * and sent through the mail outbox (`enqueueMail(trx, { channel: 'sms', … })`),
 * so their codes are kept apart and hidden the same way.
 */
import type { Config } from '../config.js';

export interface SmsSender {
  readonly mode: 'gateway' | 'outbox';
  send(message: { to: string; text: string }): Promise<void>;
}

export function createSmsSender(config: Config): SmsSender {
  const { url, token } = config.sms;
  if (!url) return { mode: 'outbox', send: async () => {} };
  return {
    mode: 'gateway',
    async send(message) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(15_000),
      });
      // The gateway's answer is not echoed: it could repeat the text, and the text holds the code.
      if (!res.ok) throw new Error(`СМС-шлюз ответил ${res.status}`);
    },
  };
}
