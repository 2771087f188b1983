/** «Реестры» of the operator: every organization, site, vehicle and receiving facility (keyset pages, search), each row opening its card. */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Badge, Group, SegmentedControl, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { api, call } from '../../api/client';
import { PageTitle } from '../../components/PageState';
import { MoreList, useKeysetPages } from '../../components/MoreList';
import { ListTable } from '../../components/ListTable';
import { ORG_ROLE_LABELS, WORKS_KIND_LABELS } from '../../lib/shared';
import { FacilityStatusBadge, FacilityTitle } from '../facilities/status';
import { EntryLink } from '../registers/common';

type Tab = 'organizations' | 'sites' | 'vehicles' | 'facilities';
const TABS: Record<Tab, { label: string; search: string }> = {
  organizations: { label: 'Организации', search: 'Наименование, ИНН или ОГРН' },
  sites: { label: 'Объекты образования', search: 'Наименование, адрес, кадастровый номер, ИНН отходопроизводителя' },
  vehicles: { label: 'Транспортные средства', search: 'Госномер, марка, терминал, ИНН перевозчика' },
  facilities: { label: 'Объекты приёма', search: 'Наименование, адрес, номер, код ФККО, ИНН организации' },
};

/** The owner organization's card, by its name. */
function OrgLink({ id, name }: { id: string; name: string }) {
  return (
    <Anchor component={Link} to={`/operator/organizations/${id}`} size="sm">
      {name}
    </Anchor>
  );
}

const suspendedBadge = <Badge color="red" variant="light">Доступ приостановлен</Badge>;

export function OperatorRegistersPage() {
  const [params, setParams] = useSearchParams();
  const tab = ((params.get('tab') as Tab) in TABS ? params.get('tab') : 'organizations') as Tab;
  const [text, setText] = useState('');
  const [status, setStatus] = useState<'all' | 'suspended'>('all');
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const q = debounced || undefined;
  const st = status === 'suspended' ? ('suspended' as const) : undefined;
  const orgs = useKeysetPages(['operator', 'registers', 'organizations', q, st], (after) => call(api.GET('/api/operator/organizations', { params: { query: { q, status: st, after, limit: 50 } } })), tab === 'organizations');
  const sites = useKeysetPages(['operator', 'registers', 'sites', q], (after) => call(api.GET('/api/operator/sites', { params: { query: { q, after, limit: 50 } } })), tab === 'sites');
  const vehicles = useKeysetPages(['operator', 'registers', 'vehicles', q], (after) => call(api.GET('/api/operator/vehicles', { params: { query: { q, after, limit: 50 } } })), tab === 'vehicles');
  const facilities = useKeysetPages(['operator', 'registers', 'facilities', q, st], (after) => call(api.GET('/api/operator/facilities', { params: { query: { q, status: st, after, limit: 50 } } })), tab === 'facilities');
  return (
    <>
      <PageTitle subtitle="Организации, объекты образования ОСС, транспортные средства и объекты приёма всех участников; приостановление доступа (1386-ПП п. 7.2)">Реестры</PageTitle>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })}>
        <Tabs.List mb="sm">
          {(Object.keys(TABS) as Tab[]).map((t) => (
            <Tabs.Tab key={t} value={t}>
              {TABS[t].label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab}>
      <Group mb="sm" gap="sm" wrap="wrap">
        <TextInput placeholder={TABS[tab].search} aria-label={`Поиск: ${TABS[tab].label}`} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        {(tab === 'organizations' || tab === 'facilities') && (
          <SegmentedControl
            aria-label="Статус"
            value={status}
            onChange={(x) => setStatus(x as typeof status)}
            data={[
              { value: 'all', label: 'Все' },
              { value: 'suspended', label: 'Приостановлены' },
            ]}
          />
        )}
      </Group>
      {tab === 'organizations' && (
        <MoreList q={orgs} loading="Загрузка: организации…" empty="Организаций не найдено">
          {(items) => (
            <ListTable minWidth={760} aria-label="Организации" columns={['Организация', 'ИНН', 'Роли', 'Статус']}>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <EntryLink to={`/operator/organizations/${o.id}`}>{o.shortName ?? o.name}</EntryLink>
                  </Table.Td>
                  <Table.Td className="ossig-nowrap">{o.inn}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.roles.map((r) => ORG_ROLE_LABELS[r as keyof typeof ORG_ROLE_LABELS] ?? r).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>{o.status === 'suspended' ? suspendedBadge : <Badge color="teal" variant="light">Действует</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </MoreList>
      )}
      {tab === 'sites' && (
        <MoreList q={sites} loading="Загрузка: объекты…" empty="Объектов не найдено">
          {(items) => (
            <ListTable minWidth={760} aria-label="Объекты образования ОСС" columns={['Объект', 'Вид работ', 'Отходопроизводитель']}>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <EntryLink to={`/sites/${s.id}`}>{s.name}</EntryLink>
                    <Text size="xs" c="dimmed">
                      {s.address}
                    </Text>
                  </Table.Td>
                  <Table.Td>{WORKS_KIND_LABELS[s.worksKind as keyof typeof WORKS_KIND_LABELS]}</Table.Td>
                  <Table.Td>
                    <OrgLink id={s.producerId} name={s.producerName} />
                    {s.producerSuspended && <div>{suspendedBadge}</div>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </MoreList>
      )}
      {tab === 'vehicles' && (
        <MoreList q={vehicles} loading="Загрузка: ТС…" empty="Транспортных средств не найдено">
          {(items) => (
            <ListTable minWidth={720} aria-label="Транспортные средства" columns={['Госномер', 'Марка, модель', 'Терминал', 'Перевозчик']}>
              {items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td className="ossig-nowrap">
                    <EntryLink to={`/vehicles/${v.id}`}>{v.plate}</EntryLink>
                  </Table.Td>
                  <Table.Td>{[v.make, v.model].filter(Boolean).join(' ') || '—'}</Table.Td>
                  <Table.Td className="ossig-nowrap">{v.terminalNumber ?? '—'}</Table.Td>
                  <Table.Td>
                    <OrgLink id={v.carrierId} name={v.carrierName} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </MoreList>
      )}
      {tab === 'facilities' && (
        <MoreList q={facilities} loading="Загрузка: объекты приёма…" empty="Объектов приёма не найдено">
          {(items) => (
            <ListTable minWidth={760} aria-label="Объекты приёма" columns={['Объект приёма', 'Организация', 'Статус']}>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <FacilityTitle f={f} />
                  </Table.Td>
                  <Table.Td>
                    <OrgLink id={f.organizationId} name={f.organizationName} />
                  </Table.Td>
                  <Table.Td>
                    <FacilityStatusBadge status={f.status} organizationSuspended={f.organizationSuspended} />
                    {f.statusReason && f.status === 'suspended' && (
                      <Text size="xs" c="dimmed">
                        {f.statusReason}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </MoreList>
      )}
        </Tabs.Panel>
        {/* Every tab controls a panel that exists (aria-controls); only the open tab's panel holds the list. */}
        {(Object.keys(TABS) as Tab[])
          .filter((t) => t !== tab)
          .map((t) => (
            <Tabs.Panel key={t} value={t}>
              {null}
            </Tabs.Panel>
          ))}
      </Tabs>
    </>
  );
}
