/** «Объекты приёма»: the facility organization's register of receiving facilities (keyset pages, search), registering, the card. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Button, Card, Group, Modal, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtDecimal } from '../../lib/format';
import { FACILITY_KIND_LABELS } from '../../lib/shared';
import { useCanSubmit } from '../registers/common';
import { FacilityForm } from './FacilityForm';
import { FacilityStatusBadge, capacityText } from './status';

export function FacilitiesPage() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'all' | 'active' | 'suspended'>('all');
  const [debounced] = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(false);
  const canSubmit = useCanSubmit();
  const phone = useMediaQuery('(max-width: 600px)');
  const navigate = useNavigate();
  const list = useInfiniteQuery({
    queryKey: ['facilities', 'list', debounced.trim(), status],
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/facilities', { params: { query: { q: debounced.trim() || undefined, status: status === 'all' ? undefined : status, after: pageParam ?? undefined, limit: 50 } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageTitle
        subtitle="Реестр объектов приёма организации: по нему заявители выбирают объект, а рейсы проверяются по принимаемым кодам ФККО"
        right={
          canSubmit && (
            <Button size="sm" onClick={() => setCreating(true)}>
              Внести объект приёма
            </Button>
          )
        }
      >
        Объекты приёма
      </PageTitle>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Новый объект приёма" size="xl" fullScreen={phone}>
        <FacilityForm onCancel={() => setCreating(false)} onDone={(id) => navigate(`/facilities/${id}`)} />
      </Modal>
      <Group mb="sm" gap="sm" wrap="wrap">
        <TextInput placeholder="Поиск: наименование, адрес, номер, код ФККО" aria-label="Поиск объектов приёма" value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        <SegmentedControl
          aria-label="Какие объекты показать"
          value={status}
          onChange={(x) => setStatus(x as typeof status)}
          data={[
            { value: 'all', label: 'Все' },
            { value: 'active', label: 'Действуют' },
            { value: 'suspended', label: 'Приостановлены' },
          ]}
        />
      </Group>
      <Card padding={0}>
        {list.isPending && <Loading label="Загрузка объектов приёма…" />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && items.length === 0 && <Empty>Объектов приёма нет</Empty>}
        {items.length > 0 && (
          <ListTable minWidth={820} aria-label="Объекты приёма" columns={['Объект', 'Вид деятельности', { label: 'Кодов ФККО', num: true }, 'Мощность в сутки', 'Статус']}>
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
                <Table.Td>{FACILITY_KIND_LABELS[f.kind as keyof typeof FACILITY_KIND_LABELS]}</Table.Td>
                <Table.Td className="ossig-num">{fmtDecimal(String(f.wasteCodes.length))}</Table.Td>
                <Table.Td>{capacityText(f.dailyCapacityT, f.dailyCapacityM3)}</Table.Td>
                <Table.Td>
                  <FacilityStatusBadge status={f.status} organizationSuspended={f.organizationSuspended} />
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
