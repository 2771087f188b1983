-- Votes imported from a file at stage 4 (issue 15, votes-import.ts): the same record of an import with
-- its per-row result file as the register's, told apart by `kind`.
alter table meeting_imports
  add column kind text not null default 'register' check (kind in ('register', 'votes'));
