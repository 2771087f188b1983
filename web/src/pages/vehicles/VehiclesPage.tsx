/** «Транспортные средства»: the carrier's vehicle register (keyset pages, search), registering, the card with its history. */
import { useState } from 'react';
import { Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { api, call } from '../../api/client';
import { ListTable } from '../../components/ListTable';
import { MoreList, useKeysetPages } from '../../components/MoreList';
import { fmtDate, fmtDecimal } from '../../lib/format';
import { OWNERSHIP_LABELS } from '../../lib/shared';
import { EntryLink, useCanSubmit } from '../registers/common';
import { RegisterList } from '../registers/RegisterList';
import { VehicleForm } from './VehicleForm';

export function VehiclesPage() {
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [debounced] = useDebouncedValue(q, 300);
  const list = useKeysetPages(['vehicles', 'list', debounced.trim(), archived], (after) =>
    call(api.GET('/api/vehicles', { params: { query: { q: debounced.trim() || undefined, archived: archived || undefined, after, limit: 50 } } })),
  );
  return (
    <RegisterList
      title="Транспортные средства"
      subtitle="Реестр транспортных средств перевозчика: по нему проверяются рейсы"
      canAdd={useCanSubmit()}
      addLabel="Внести ТС"
      dialogTitle="Новое транспортное средство"
      dialogSize="lg"
      Form={VehicleForm}
      cardPath="/vehicles"
      search={{ placeholder: 'Поиск: госномер, марка, модель, терминал', label: 'Поиск ТС', value: q, onChange: setQ }}
      filter={{
        label: 'Какие ТС показать',
        value: archived ? 'archived' : 'active',
        onChange: (x) => setArchived(x === 'archived'),
        data: [
          { value: 'active', label: 'На учёте' },
          { value: 'archived', label: 'Сняты с учёта' },
        ],
      }}
    >
      <MoreList q={list} loading="Загрузка ТС…" empty="Транспортных средств нет">
        {(items) => (
          <ListTable minWidth={820} aria-label="Транспортные средства" columns={['Госномер', 'Марка, модель', { label: 'Кузов, м³', num: true }, { label: 'Грузоподъёмность, т', num: true }, 'Терминал', 'Владение']}>
            {items.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td className="ossig-nowrap">
                  <EntryLink to={`/vehicles/${v.id}`}>{v.plate}</EntryLink>
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
      </MoreList>
    </RegisterList>
  );
}
