/**
 * Outgoing e-mail. With SMTP_URL set, messages go out through SMTP
 * (nodemailer); without it they stay in the local outbox (table
 * `mail_messages`), which the operator reads in the cabinet.
 * Messages are always written first and sent by a job (see features/identity).
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** 'smtp' when messages leave the system, 'outbox' when they stay in the local outbox. */
  readonly mode: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
}

export function createMailer(config: Config): Mailer {
  if (!config.smtp.url) {
    return { mode: 'outbox', send: async () => {} };
  }
  const transport = nodemailer.createTransport(config.smtp.url);
  return {
    mode: 'smtp',
    async send(message) {
      await transport.sendMail({ from: config.smtp.from, ...message });
    },
  };
}
