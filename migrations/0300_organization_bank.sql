-- An organization's bank details (issue 14): the invoice (счёт на оплату) prints the payee's
-- расчётный счёт, БИК, корр. счёт and bank name when they are filled. Set by the head in the
-- organization's profile; the key digits are checked by the application (src/domain/bank.ts),
-- the database keeps the shape.
alter table organizations
  add column bank_account text check (bank_account ~ '^[0-9]{20}$'),
  add column bank_bik text check (bank_bik ~ '^0[0-9]{8}$'),
  add column bank_corr_account text check (bank_corr_account ~ '^30101[0-9]{15}$'),
  add column bank_name text check (length(bank_name) between 2 and 300);
