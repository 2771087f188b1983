-- Money totals (issue 13): the charges and invoices lists' summaries without reading all of an
-- organization's charges or invoices. Kept by statement-level triggers with transition tables (one
-- grouped upsert per INSERT, UPDATE or DELETE statement, in the same transaction, whatever wrote the
-- rows: receipt decisions, tariff and VAT changes pricing again, acts binding charges, payments
-- matched or taken back), as trip_totals (0100) is. `npm run recount` recomputes both from the rows
-- and repairs any drift (src/features/money/totals.ts).
--
-- Every row names the facility, and only the facility's own transactions (its receipt decisions,
-- tariffs, acts, payments) write charges and invoices of that facility: two facilities never wait for
-- each other's rows here, even for the same payer. (The operator's VAT change prices again every
-- facility's unbilled charges in one transaction; it takes the rows in key order per statement.)

-- Charges per side's organization × facility × month of unloading (Moscow day's month) × status ×
-- billed (in an act or not). A charge counts once for its facility (organization_id = facility_id)
-- and, when its payer is another organization, once for the payer (organization_id = payer_id): the
-- charges list of an organization (`facility_id = X or payer_id = X` under its month, status and
-- billed filters) is the sum of its rows — months × 2 × 2 rows on the facility's side, its facilities
-- × months × 2 × 2 on the payer's, however many charges stand behind them.
create table charge_totals (
  organization_id uuid not null,
  month date not null,
  status text not null,
  billed boolean not null,
  facility_id uuid not null,
  charges bigint not null,
  amount_kop numeric not null,     -- without VAT; a charge without tariff adds 0
  primary key (organization_id, month, status, billed, facility_id)
);

create function charge_totals_apply_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into charge_totals as a (organization_id, month, status, billed, facility_id, charges, amount_kop)
    select s.org, date_trunc('month', n.unloaded_on)::date, n.status, n.act_id is not null, n.facility_id, count(*), coalesce(sum(n.amount_kop), 0)
      from new_rows n cross join lateral (values (n.facility_id), (case when n.payer_id <> n.facility_id then n.payer_id end)) s(org)
     where s.org is not null
     group by 1, 2, 3, 4, 5
     order by 1, 2, 3, 4, 5
    on conflict (organization_id, month, status, billed, facility_id) do update
       set charges = a.charges + excluded.charges, amount_kop = a.amount_kop + excluded.amount_kop;
    return null;
  end if;

  if tg_op = 'UPDATE' then
    insert into charge_totals as a (organization_id, month, status, billed, facility_id, charges, amount_kop)
    select org, month, status, billed, facility_id, sum(sign), sum(sign * amount)
      from (select s.org, date_trunc('month', x.unloaded_on)::date as month, x.status, x.act_id is not null as billed, x.facility_id, x.sign, coalesce(x.amount_kop, 0) as amount
              from (select o.facility_id, o.payer_id, o.unloaded_on, o.status, o.act_id, o.amount_kop, -1 as sign from old_rows o
                    union all
                    select n.facility_id, n.payer_id, n.unloaded_on, n.status, n.act_id, n.amount_kop, 1 as sign from new_rows n) x
              cross join lateral (values (x.facility_id), (case when x.payer_id <> x.facility_id then x.payer_id end)) s(org)
             where s.org is not null) d
     group by 1, 2, 3, 4, 5
    having sum(sign) <> 0 or sum(sign * amount) <> 0
     order by 1, 2, 3, 4, 5
    on conflict (organization_id, month, status, billed, facility_id) do update
       set charges = a.charges + excluded.charges, amount_kop = a.amount_kop + excluded.amount_kop;
  else
    insert into charge_totals as a (organization_id, month, status, billed, facility_id, charges, amount_kop)
    select s.org, date_trunc('month', o.unloaded_on)::date, o.status, o.act_id is not null, o.facility_id, -count(*), -coalesce(sum(o.amount_kop), 0)
      from old_rows o cross join lateral (values (o.facility_id), (case when o.payer_id <> o.facility_id then o.payer_id end)) s(org)
     where s.org is not null
     group by 1, 2, 3, 4, 5
     order by 1, 2, 3, 4, 5
    on conflict (organization_id, month, status, billed, facility_id) do update
       set charges = a.charges + excluded.charges, amount_kop = a.amount_kop + excluded.amount_kop;
  end if;
  -- A group no charge is left in goes away (the recount compares non-empty groups only).
  delete from charge_totals z
   using (select distinct s.org, date_trunc('month', o.unloaded_on)::date as month, o.status, o.act_id is not null as billed, o.facility_id
            from old_rows o cross join lateral (values (o.facility_id), (case when o.payer_id <> o.facility_id then o.payer_id end)) s(org)
           where s.org is not null) k
   where z.charges = 0 and z.organization_id = k.org and z.month = k.month and z.status = k.status and z.billed = k.billed and z.facility_id = k.facility_id;
  return null;
end $$;

create trigger charge_totals_insert after insert on charges referencing new table as new_rows
  for each statement execute function charge_totals_apply_delta();
create trigger charge_totals_update after update on charges referencing old table as old_rows new table as new_rows
  for each statement execute function charge_totals_apply_delta();
create trigger charge_totals_delete after delete on charges referencing old table as old_rows
  for each statement execute function charge_totals_apply_delta();

insert into charge_totals (organization_id, month, status, billed, facility_id, charges, amount_kop)
select s.org, date_trunc('month', c.unloaded_on)::date, c.status, c.act_id is not null, c.facility_id, count(*), coalesce(sum(c.amount_kop), 0)
  from charges c cross join lateral (values (c.facility_id), (case when c.payer_id <> c.facility_id then c.payer_id end)) s(org)
 where s.org is not null
 group by 1, 2, 3, 4, 5;

-- Invoices per side's organization × owing × paid in full × facility. An invoice counts once for its
-- facility (organization_id = facility_id; owing when the facility is its own payer) and, when its payer
-- is another organization, once for the payer (owing). The side filter of the invoices list: owed —
-- organization_id = facility_id; owing — owing; both — every row. paid_kop is what the list sums as
-- paid: the payments matched, at most the invoice's total.
create table invoice_totals (
  organization_id uuid not null,
  owing boolean not null,
  paid boolean not null,           -- paid in full (paid_kop >= total_kop)
  facility_id uuid not null,
  invoices bigint not null,
  total_kop numeric not null,
  paid_kop numeric not null,
  primary key (organization_id, owing, paid, facility_id)
);

create function invoice_totals_apply_delta() returns trigger language plpgsql as $$
begin
  -- The statement's invoices, old ones counted -1 and new ones +1 (a transition table exists only for
  -- the events that have it, hence a statement per event).
  if tg_op = 'INSERT' then
    insert into invoice_totals as a (organization_id, owing, paid, facility_id, invoices, total_kop, paid_kop)
    select s.org, s.owing, x.paid_kop >= x.total_kop, x.facility_id, sum(x.sign), sum(x.sign * x.total_kop), sum(x.sign * least(x.paid_kop, x.total_kop))
      from (select n.facility_id, n.payer_id, n.total_kop, n.paid_kop, 1 as sign from new_rows n) x
      cross join lateral (values (x.facility_id, x.payer_id = x.facility_id), (case when x.payer_id <> x.facility_id then x.payer_id end, true)) s(org, owing)
     where s.org is not null
     group by 1, 2, 3, 4
    having sum(x.sign) <> 0 or sum(x.sign * x.total_kop) <> 0 or sum(x.sign * least(x.paid_kop, x.total_kop)) <> 0
     order by 1, 2, 3, 4
    on conflict (organization_id, owing, paid, facility_id) do update
       set invoices = a.invoices + excluded.invoices, total_kop = a.total_kop + excluded.total_kop, paid_kop = a.paid_kop + excluded.paid_kop;
    return null;
  elsif tg_op = 'UPDATE' then
    insert into invoice_totals as a (organization_id, owing, paid, facility_id, invoices, total_kop, paid_kop)
    select s.org, s.owing, x.paid_kop >= x.total_kop, x.facility_id, sum(x.sign), sum(x.sign * x.total_kop), sum(x.sign * least(x.paid_kop, x.total_kop))
      from (select o.facility_id, o.payer_id, o.total_kop, o.paid_kop, -1 as sign from old_rows o
            union all
            select n.facility_id, n.payer_id, n.total_kop, n.paid_kop, 1 as sign from new_rows n) x
      cross join lateral (values (x.facility_id, x.payer_id = x.facility_id), (case when x.payer_id <> x.facility_id then x.payer_id end, true)) s(org, owing)
     where s.org is not null
     group by 1, 2, 3, 4
    having sum(x.sign) <> 0 or sum(x.sign * x.total_kop) <> 0 or sum(x.sign * least(x.paid_kop, x.total_kop)) <> 0
     order by 1, 2, 3, 4
    on conflict (organization_id, owing, paid, facility_id) do update
       set invoices = a.invoices + excluded.invoices, total_kop = a.total_kop + excluded.total_kop, paid_kop = a.paid_kop + excluded.paid_kop;
  else
    insert into invoice_totals as a (organization_id, owing, paid, facility_id, invoices, total_kop, paid_kop)
    select s.org, s.owing, x.paid_kop >= x.total_kop, x.facility_id, sum(x.sign), sum(x.sign * x.total_kop), sum(x.sign * least(x.paid_kop, x.total_kop))
      from (select o.facility_id, o.payer_id, o.total_kop, o.paid_kop, -1 as sign from old_rows o) x
      cross join lateral (values (x.facility_id, x.payer_id = x.facility_id), (case when x.payer_id <> x.facility_id then x.payer_id end, true)) s(org, owing)
     where s.org is not null
     group by 1, 2, 3, 4
    having sum(x.sign) <> 0 or sum(x.sign * x.total_kop) <> 0 or sum(x.sign * least(x.paid_kop, x.total_kop)) <> 0
     order by 1, 2, 3, 4
    on conflict (organization_id, owing, paid, facility_id) do update
       set invoices = a.invoices + excluded.invoices, total_kop = a.total_kop + excluded.total_kop, paid_kop = a.paid_kop + excluded.paid_kop;
  end if;
  delete from invoice_totals z
   using (select distinct s.org, s.owing, o.paid_kop >= o.total_kop as paid, o.facility_id
            from old_rows o
            cross join lateral (values (o.facility_id, o.payer_id = o.facility_id), (case when o.payer_id <> o.facility_id then o.payer_id end, true)) s(org, owing)
           where s.org is not null) k
   where z.invoices = 0 and z.organization_id = k.org and z.owing = k.owing and z.paid = k.paid and z.facility_id = k.facility_id;
  return null;
end $$;

create trigger invoice_totals_insert after insert on invoices referencing new table as new_rows
  for each statement execute function invoice_totals_apply_delta();
create trigger invoice_totals_update after update on invoices referencing old table as old_rows new table as new_rows
  for each statement execute function invoice_totals_apply_delta();
create trigger invoice_totals_delete after delete on invoices referencing old table as old_rows
  for each statement execute function invoice_totals_apply_delta();

insert into invoice_totals (organization_id, owing, paid, facility_id, invoices, total_kop, paid_kop)
select s.org, s.owing, i.paid_kop >= i.total_kop, i.facility_id, count(*), sum(i.total_kop), sum(least(i.paid_kop, i.total_kop))
  from invoices i cross join lateral (values (i.facility_id, i.payer_id = i.facility_id), (case when i.payer_id <> i.facility_id then i.payer_id end, true)) s(org, owing)
 where s.org is not null
 group by 1, 2, 3, 4;

-- What depends on today (overdue; open and partly paid are «not yet overdue») is read from the invoices
-- not paid in full only: as many as are open now, not as many as were ever issued.
create index invoices_facility_unpaid_idx on invoices (facility_id, due_on) where paid_kop < total_kop;
create index invoices_payer_unpaid_idx on invoices (payer_id, due_on) where paid_kop < total_kop;
