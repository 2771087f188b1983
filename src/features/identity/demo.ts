/**
 * Demo PKI: a test certification authority and certificates under
 * <dataDir>/pki/, made when the demo is seeded (AFTER_DEMO_SEED):
 *  - demo-ca.pem                      — the test CA (trusted in a demo start);
 *  - producer-head.{cert,key}.pem     — Петров А. С., head of ООО «СтройМонолит» (an existing organization);
 *  - new-org-head.{cert,key}.pem      — head of an organization not yet in the system (created on first entry);
 *  - expired.{cert,key}.pem, no-inn.{cert,key}.pem — for trying the refusals;
 *  - README.txt                       — how to sign in with them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../platform/context.js';
import type { DemoHook } from '../demo/types.js';
import { createCertificateAuthority, issueEndEntityCertificate, type NameInput } from '../../platform/signing/index.js';
import { makeValidInnLegal, makeValidOgrn, makeValidSnils } from '../../domain/identifiers.js';
import { DEMO_CA_FILE, DEMO_PKI_DIR } from './trust.js';

export interface DemoPki {
  dir: string;
  caPath: string;
  files: Record<'producerHead' | 'newOrgHead' | 'expired' | 'noInn', { cert: string; key: string }>;
}

export function createDemoPki(dir: string, producer: { inn: string; ogrn: string; name: string; snils: string } | null, now = new Date()): DemoPki {
  fs.mkdirSync(dir, { recursive: true });
  const ca = createCertificateAuthority({
    subject: { country: 'RU', organization: 'ОССиГ (демо)', commonName: 'Тестовый удостоверяющий центр ОССиГ', innLe: makeValidInnLegal(990), ogrn: makeValidOgrn(990) },
  });
  const caPath = path.join(dir, DEMO_CA_FILE);
  fs.writeFileSync(caPath, ca.certPem);
  const caRef = { certPem: ca.certPem, keyPem: ca.keyPem };
  const write = (name: string, subject: NameInput, notBefore?: Date, notAfter?: Date) => {
    const c = issueEndEntityCertificate({ ca: caRef, subject, notBefore, notAfter });
    const cert = path.join(dir, `${name}.cert.pem`);
    const key = path.join(dir, `${name}.key.pem`);
    fs.writeFileSync(cert, c.certPem);
    fs.writeFileSync(key, c.keyPem, { mode: 0o600 });
    return { cert, key };
  };
  const p = producer ?? { inn: makeValidInnLegal(202), ogrn: makeValidOgrn(202), name: 'ООО «СтройМонолит»', snils: makeValidSnils(5037) };
  const files = {
    producerHead: write('producer-head', {
      country: 'RU', organization: p.name, title: 'Генеральный директор', commonName: 'Петров Алексей Сергеевич',
      surname: 'Петров', givenName: 'Алексей Сергеевич', innLe: p.inn, ogrn: p.ogrn, snils: p.snils, email: 'producer@ossig.test',
    }),
    newOrgHead: write('new-org-head', {
      country: 'RU', organization: 'ООО «Новострой-Демо»', title: 'Генеральный директор', commonName: 'Орлова Наталья Викторовна',
      surname: 'Орлова', givenName: 'Наталья Викторовна', innLe: makeValidInnLegal(777), ogrn: makeValidOgrn(777), snils: makeValidSnils(7771), email: 'neworg@ossig.test',
    }),
    expired: write('expired', {
      country: 'RU', organization: 'ООО «Просрочено»', commonName: 'Сидоров Иван Петрович', surname: 'Сидоров', givenName: 'Иван Петрович',
      innLe: makeValidInnLegal(778), ogrn: makeValidOgrn(778), snils: makeValidSnils(7781),
    }, new Date(now.getTime() - 400 * 86_400_000), new Date(now.getTime() - 35 * 86_400_000)),
    noInn: write('no-inn', { country: 'RU', commonName: 'Физическое Лицо Без ИНН', surname: 'Лицо', givenName: 'Физическое', snils: makeValidSnils(7791) }),
  };
  fs.writeFileSync(
    path.join(dir, 'README.txt'),
    [
      'Тестовые сертификаты ОССиГ (только для демо; закрытые ключи не защищены).',
      '',
      'Вход по электронной подписи без плагина браузера:',
      '  1. На странице «Вход по электронной подписи» получите запрос (challenge).',
      `  2. npm run sign-challenge -- --key ${files.newOrgHead.key} --cert ${files.newOrgHead.cert} --challenge "<запрос>"`,
      '  3. Вставьте напечатанную подпись (-----BEGIN CMS-----…) в форму.',
      'Или одной командой: npm run sign-challenge -- --key … --cert … --url http://localhost:3000',
      '',
      'producer-head — руководитель ООО «СтройМонолит» (организация уже есть);',
      'new-org-head  — руководитель ООО «Новострой-Демо» (организация создаётся при первом входе);',
      'expired       — сертификат с истёкшим сроком (вход отклоняется);',
      'no-inn        — сертификат без ИНН и ОГРН (вход в кабинет организации отклоняется).',
    ].join('\n'),
  );
  return { dir, caPath, files };
}

export const identityDemoHook: DemoHook = async (ctx: AppContext, info) => {
  const producerId = info.orgIds.get('producer');
  const org = producerId ? await ctx.db.selectFrom('organizations').select(['inn', 'ogrn', 'short_name', 'name']).where('id', '=', producerId).executeTakeFirst() : undefined;
  const head = await ctx.db.selectFrom('persons').select('snils').where('email', '=', 'producer@ossig.test').executeTakeFirst();
  const dir = DEMO_PKI_DIR(ctx.config);
  const pki = createDemoPki(
    dir,
    org && org.ogrn && head?.snils ? { inn: org.inn, ogrn: org.ogrn, name: org.short_name ?? org.name, snils: head.snils } : null,
    ctx.now(),
  );
  info.log(`тестовый УЦ и сертификаты для входа по электронной подписи: ${pki.dir} (см. README.txt)`);
};
