/**
 * Account deletion (seed 004), confirmed with the password: the person's own
 * data goes (name, e-mail, phone, СНИЛС, password, second factor, devices,
 * sessions, tokens, memberships, letters in the outbox); the organizations'
 * records stay (what was submitted on their behalf, trips, statements, the
 * audit log — by law and because they belong to the organizations).
 */
import type { AppContext } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { verifyPassword } from './password.js';

export const DELETION_NOTICE = {
  removed: [
    'ФИО, адрес электронной почты, телефон и СНИЛС',
    'пароль, второй фактор и резервные коды',
    'активные сеансы, токены доступа и список ваших устройств',
    'ваше участие в организациях (руководитель, сотрудник, доверенное лицо) и приглашения',
    'письма, адресованные вам, в исходящей почте системы',
  ],
  kept: [
    'организации и их кабинеты: объекты, разрешения, рейсы, сведения о результатах перемещения ОСС, загрузки — они принадлежат организациям',
    'документы, поданные вами от имени организаций, с отметкой «пользователь удалён» вместо ваших данных',
    'журнал аудита (кто, когда и откуда действовал) — он неизменяем и нужен для проверки; в нём остаётся только обезличенный идентификатор',
  ],
  irreversible: 'Удаление необратимо: восстановить учётную запись будет нельзя. Войти в кабинет организации снова можно будет по электронной подписи.',
} as const;

/** What deleting the account removes and keeps, and whether the password confirms it (else the word УДАЛИТЬ). */
export async function deletionNotice(ctx: AppContext, personId: string) {
  const p = await ctx.db.selectFrom('persons').select('password_hash').where('id', '=', personId).executeTakeFirstOrThrow();
  return { removed: [...DELETION_NOTICE.removed], kept: [...DELETION_NOTICE.kept], irreversible: DELETION_NOTICE.irreversible, needsPassword: !!p.password_hash };
}

export async function deleteAccount(
  ctx: AppContext,
  o: { personId: string; password?: string; confirm?: string; ip: string | null; userAgent: string | null },
): Promise<void> {
  const person = await ctx.db.selectFrom('persons').select(['password_hash']).where('id', '=', o.personId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!person) throw new AppError('not_found', 'Учётная запись не найдена');
  if (person.password_hash) {
    if (!o.password || !(await verifyPassword(person.password_hash, o.password))) {
      throw invalid({ field: 'password', message: 'Пароль: указан неверно, учётная запись не удалена' });
    }
  } else if (o.confirm !== 'УДАЛИТЬ') {
    throw invalid({ field: 'confirm', message: 'Подтверждение: введите слово УДАЛИТЬ (у учётной записи нет пароля)' });
  }
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('persons')
      .set({ full_name: 'Пользователь удалён', email: null, phone: null, snils: null, password_hash: null, deleted_at: now })
      .where('id', '=', o.personId)
      .execute();
    await trx.updateTable('sessions').set({ ended_at: now, ip: null, user_agent: null }).where('person_id', '=', o.personId).execute();
    await trx.updateTable('api_tokens').set({ revoked_at: now }).where('person_id', '=', o.personId).where('revoked_at', 'is', null).execute();
    await trx.updateTable('memberships').set({ revoked_at: now }).where('person_id', '=', o.personId).where('revoked_at', 'is', null).execute();
    await trx.deleteFrom('known_devices').where('person_id', '=', o.personId).execute();
    await trx.deleteFrom('person_totp').where('person_id', '=', o.personId).execute();
    await trx.deleteFrom('recovery_codes').where('person_id', '=', o.personId).execute();
    // The profile's codes name the addresses and phones they went to; the settings are the person's own.
    await trx.deleteFrom('contact_confirmations').where('person_id', '=', o.personId).execute();
    await trx.deleteFrom('notification_settings').where('person_id', '=', o.personId).execute();
    await trx.updateTable('password_resets').set({ used_at: now }).where('person_id', '=', o.personId).where('used_at', 'is', null).execute();
    await trx.deleteFrom('auth_challenges').where('person_id', '=', o.personId).execute();
    await trx.deleteFrom('mail_secrets').where('message_id', 'in', trx.selectFrom('mail_messages').select('id').where('person_id', '=', o.personId)).execute();
    await trx
      .updateTable('mail_messages')
      .set({ to_address: 'удалён', body_text: '(текст удалён вместе с учётной записью)', body_html: null })
      .where('person_id', '=', o.personId)
      .execute();
    await trx.deleteFrom('notifications').where('person_id', '=', o.personId).where('organization_id', 'is', null).execute();
    await audit(trx, { action: 'account.deleted', personId: o.personId, ip: o.ip, userAgent: o.userAgent });
  });
}
