/** «Реестры» of the operator: every organization, site, vehicle and receiving facility (keyset pages, search), each row opening its card. */
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { ORG_ROLE_LABELS, WORKS_KIND_LABELS } from '../../lib/shared';
import { FacilityStatusBadge } from '../facilities/status';

type Tab = 'organizations' | 'sites' | 'vehicles' | 'facilities';
const TABS: Record<Tab, { label: string; search: string }> = {
  organizations: { label: 'Организации', search: 'Наименование, ИНН или ОГРН' },
  sites: { label: 'Объекты образования', search: 'Наименование, адрес, кадастровый номер, ИНН отходопроизводителя' },
  vehicles: { label: 'Транспортные средства', search: 'Госномер, марка, терминал, ИНН перевозчика' },
  facilities: { label: 'Объекты приёма', search: 'Наименование, адрес, номер, код ФККО, ИНН организации' },
};

function Paged<T>({ q, label, empty, render }: { q: ReturnType<typeof useInfiniteQuery<{ items: T[]; nextCursor: string | null }>>; label: string; empty: string; render: (items: T[]) => ReactNode }) {
  const items = (q.data?.pages as Array<{ items: T[] }> | undefined)?.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Card padding={0}>
        {q.isPending && <Loading label={`Загрузка: ${label}…`} />}
        {q.isError && <ErrorAlert error={q.error} />}
        {q.data && items.length === 0 && <Empty>{empty}</Empty>}
        {items.length > 0 && render(items)}
      </Card>
      {q.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="light" loading={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}>
            Показать ещё
          </Button>
        </Group>
      )}
    </>
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
  const common = { initialPageParam: null as string | null, getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor };
  const orgs = useInfiniteQuery({
    ...common,
    enabled: tab === 'organizations',
    queryKey: ['operator', 'registers', 'organizations', q, st],
    queryFn: ({ pageParam }) => call(api.GET('/api/operator/organizations', { params: { query: { q, status: st, after: pageParam ?? undefined, limit: 50 } } })),
  });
  const sites = useInfiniteQuery({
    ...common,
    enabled: tab === 'sites',
    queryKey: ['operator', 'registers', 'sites', q],
    queryFn: ({ pageParam }) => call(api.GET('/api/operator/sites', { params: { query: { q, after: pageParam ?? undefined, limit: 50 } } })),
  });
  const vehicles = useInfiniteQuery({
    ...common,
    enabled: tab === 'vehicles',
    queryKey: ['operator', 'registers', 'vehicles', q],
    queryFn: ({ pageParam }) => call(api.GET('/api/operator/vehicles', { params: { query: { q, after: pageParam ?? undefined, limit: 50 } } })),
  });
  const facilities = useInfiniteQuery({
    ...common,
    enabled: tab === 'facilities',
    queryKey: ['operator', 'registers', 'facilities', q, st],
    queryFn: ({ pageParam }) => call(api.GET('/api/operator/facilities', { params: { query: { q, status: st, after: pageParam ?? undefined, limit: 50 } } })),
  });
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
        <Paged
          q={orgs as never}
          label="организации"
          empty="Организаций не найдено"
          render={(items: NonNullable<typeof orgs.data>['pages'][number]['items']) => (
            <ListTable minWidth={760} aria-label="Организации" columns={['Организация', 'ИНН', 'Роли', 'Статус']}>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/operator/organizations/${o.id}`} fw={500} size="sm">
                      {o.shortName ?? o.name}
                    </Anchor>
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
        />
      )}
      {tab === 'sites' && (
        <Paged
          q={sites as never}
          label="объекты"
          empty="Объектов не найдено"
          render={(items: NonNullable<typeof sites.data>['pages'][number]['items']) => (
            <ListTable minWidth={760} aria-label="Объекты образования ОСС" columns={['Объект', 'Вид работ', 'Отходопроизводитель']}>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sites/${s.id}`} fw={500} size="sm">
                      {s.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {s.address}
                    </Text>
                  </Table.Td>
                  <Table.Td>{WORKS_KIND_LABELS[s.worksKind as keyof typeof WORKS_KIND_LABELS]}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/operator/organizations/${s.producerId}`} size="sm">
                      {s.producerName}
                    </Anchor>
                    {s.producerSuspended && <div>{suspendedBadge}</div>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        />
      )}
      {tab === 'vehicles' && (
        <Paged
          q={vehicles as never}
          label="ТС"
          empty="Транспортных средств не найдено"
          render={(items: NonNullable<typeof vehicles.data>['pages'][number]['items']) => (
            <ListTable minWidth={720} aria-label="Транспортные средства" columns={['Госномер', 'Марка, модель', 'Терминал', 'Перевозчик']}>
              {items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td className="ossig-nowrap">
                    <Anchor component={Link} to={`/vehicles/${v.id}`} fw={500} size="sm">
                      {v.plate}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{[v.make, v.model].filter(Boolean).join(' ') || '—'}</Table.Td>
                  <Table.Td className="ossig-nowrap">{v.terminalNumber ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/operator/organizations/${v.carrierId}`} size="sm">
                      {v.carrierName}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        />
      )}
      {tab === 'facilities' && (
        <Paged
          q={facilities as never}
          label="объекты приёма"
          empty="Объектов приёма не найдено"
          render={(items: NonNullable<typeof facilities.data>['pages'][number]['items']) => (
            <ListTable minWidth={760} aria-label="Объекты приёма" columns={['Объект приёма', 'Организация', 'Статус']}>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/facilities/${f.id}`} fw={500} size="sm">
                      {f.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {f.number} · {f.address}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/operator/organizations/${f.organizationId}`} size="sm">
                      {f.organizationName}
                    </Anchor>
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
        />
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
