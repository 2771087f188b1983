-- Owners' meetings (issue 15), stage 6: the upload of the protocol to ГИС ЖКХ.
-- The house's ФИАС code (the ГИС ЖКХ identifies a house by its ФИАС GUID or its cadastral number).
alter table houses add column fias_house_guid uuid;

-- The ГИС ЖКХ SIMULATOR's side of the exchange (the real ГИС ЖКХ cannot be reached from here):
-- each request it received by its transport GUID (a request sent twice is one message), the
-- message GUID it answered, how many times its state was asked, and the result it will give.
-- Nothing of our own data lives here; a real adapter needs no table.
create table gis_simulator_messages (
  transport_guid uuid primary key,
  message_guid uuid not null unique,
  org_inn text not null,
  request jsonb not null,
  polls integer not null default 0,
  result jsonb not null,
  received_at timestamptz not null default now()
);
