/** «Транспортные средства»: the carrier's vehicle register (keyset pages, search), registering, the card with its history. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Button, Card, Group, Modal, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtDate, fmtDecimal } from '../../lib/format';
import { OWNERSHIP_LABELS } from '../../lib/shared';
import { useCanSubmit } from '../registers/common';
import { VehicleForm } from './VehicleForm';

export function VehiclesPage() {
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [debounced] = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(false);
  const canSubmit = useCanSubmit();
  const phone = useMediaQuery('(max-width: 600px)');
  const navigate = useNavigate();
  const list = useInfiniteQuery({
    queryKey: ['vehicles', 'list', debounced.trim(), archived],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/vehicles', { params: { query: { q: debounced.trim() || undefined, archived: archived || undefined, after: pageParam ?? undefined, limit: 50 } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageTitle
        subtitle="Реестр транспортных средств перевозчика: по нему проверяются рейсы"
        right={
          canSubmit && (
            <Button size="sm" onClick={() => setCreating(true)}>
              Внести ТС
            </Button>
          )
        }
      >
        Транспортные средства
      </PageTitle>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Новое транспортное средство" size="lg" fullScreen={phone}>
        <VehicleForm onCancel={() => setCreating(false)} onDone={(id) => navigate(`/vehicles/${id}`)} />
      </Modal>
      <Group mb="sm" gap="sm" wrap="wrap">
        <TextInput placeholder="Поиск: госномер, марка, модель, терминал" aria-label="Поиск ТС" value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        <SegmentedControl
          aria-label="Какие ТС показать"
          value={archived ? 'archived' : 'active'}
          onChange={(x) => setArchived(x === 'archived')}
          data={[
            { value: 'active', label: 'На учёте' },
            { value: 'archived', label: 'Сняты с учёта' },
          ]}
        />
      </Group>
      <Card padding={0}>
        {list.isPending && <Loading label="Загрузка ТС…" />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && items.length === 0 && <Empty>Транспортных средств нет</Empty>}
        {items.length > 0 && (
          <ListTable minWidth={820} aria-label="Транспортные средства" columns={['Госномер', 'Марка, модель', { label: 'Кузов, м³', num: true }, { label: 'Грузоподъёмность, т', num: true }, 'Терминал', 'Владение']}>
            {items.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td className="ossig-nowrap">
                  <Anchor component={Link} to={`/vehicles/${v.id}`} fw={500} size="sm">
                    {v.plate}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{[v.make, v.model].filter(Boolean).join(' ') || '—'}</Text>
                </Table.Td>
                <Table.Td className="ossig-num">{fmtDecimal(v.capacityM3)}</Table.Td>
                <Table.Td className="ossig-num">{fmtDecimal(v.loadCapacityT)}</Table.Td>
                <Table.Td className="ossig-nowrap">{v.terminalNumber ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {OWNERSHIP_LABELS[v.ownership as keyof typeof OWNERSHIP_LABELS]}
                    {v.ownership === 'leased' && v.leaseUntil ? ` до ${fmtDate(v.leaseUntil)}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </Card>
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="light" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Показать ещё
          </Button>
        </Group>
      )}
    </>
  );
}
