/** The password rule of seed 003, shared by the server and the cabinet. */

export const PASSWORD_HINT = 'Не короче 8 символов; заглавные и строчные латинские буквы и цифры; можно знаки, нельзя пробелы и русские буквы.';

/**
 * Seed 003: at least 8 characters with upper- and lower-case Latin letters and
 * digits. Only Latin letters, digits and the printable ASCII signs count: a
 * Cyrillic letter, a space or a control character (a NUL byte) is refused,
 * so `Aa1` padded with anything invisible never passes.
 */
export function checkPasswordPolicy(password: string): string | null {
  if (/[А-Яа-яЁё]/.test(password)) return 'Пароль: русские буквы не допускаются — используйте латинские буквы, цифры и знаки';
  if (/\s/.test(password)) return 'Пароль: пробелы не допускаются';
  if (!/^[\x21-\x7e]*$/.test(password)) {
    return 'Пароль: допускаются только латинские буквы, цифры и знаки !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
  }
  if (password.length < 8) return 'Пароль: не короче 8 символов';
  if (password.length > 200) return 'Пароль: не длиннее 200 символов';
  if (!/[A-Z]/.test(password) || !/[a-z]/.test(password) || !/\d/.test(password)) {
    return 'Пароль: должен содержать заглавные и строчные латинские буквы и цифры';
  }
  return null;
}
