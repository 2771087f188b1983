-- Guessing is slowed by growing delays per key instead of a fixed lock:
-- sign-in per account × address and per account (unknown devices only),
-- password-reset requests and codes per account and per address. A key's
-- count starts again after a day without failures.
alter table login_throttle add column last_failure_at timestamptz;
-- The old keys (a login, an address) lock no one any more.
delete from login_throttle where key like 'login:%' or key like 'ip:%';
