/** «Объекты приёма»: the facility organization's register of receiving facilities (keyset pages, search), registering, the card. */
import { useState } from 'react';
import { Table } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { api, call } from '../../api/client';
import { ListTable } from '../../components/ListTable';
import { MoreList, useKeysetPages } from '../../components/MoreList';
import { fmtDecimal } from '../../lib/format';
import { FACILITY_KIND_LABELS } from '../../lib/shared';
import { useCanSubmit } from '../registers/common';
import { RegisterList } from '../registers/RegisterList';
import { FacilityForm } from './FacilityForm';
import { FacilityStatusBadge, FacilityTitle, capacityText } from './status';

export function FacilitiesPage() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'all' | 'active' | 'suspended' | 'archived'>('all');
  const [debounced] = useDebouncedValue(q, 300);
  const list = useKeysetPages(['facilities', 'list', debounced.trim(), status], (after) =>
    call(
      api.GET('/api/facilities', {
        params: {
          query: {
            q: debounced.trim() || undefined,
            status: status === 'all' || status === 'archived' ? undefined : status,
            archived: status === 'archived' || undefined,
            after,
            limit: 50,
          },
        },
      }),
    ),
  );
  return (
    <RegisterList
      title="Объекты приёма"
      subtitle="Реестр объектов приёма организации: по нему заявители выбирают объект, а рейсы проверяются по принимаемым кодам ФККО"
      canAdd={useCanSubmit()}
      addLabel="Внести объект приёма"
      dialogTitle="Новый объект приёма"
      dialogSize="xl"
      Form={FacilityForm}
      cardPath="/facilities"
      search={{ placeholder: 'Поиск: наименование, адрес, номер, код ФККО', label: 'Поиск объектов приёма', value: q, onChange: setQ }}
      filter={{
        label: 'Какие объекты показать',
        value: status,
        onChange: (x) => setStatus(x as typeof status),
        data: [
          { value: 'all', label: 'Все' },
          { value: 'active', label: 'Действуют' },
          { value: 'suspended', label: 'Приостановлены' },
          { value: 'archived', label: 'Архив' },
        ],
      }}
    >
      <MoreList q={list} loading="Загрузка объектов приёма…" empty="Объектов приёма нет">
        {(items) => (
          <ListTable minWidth={820} aria-label="Объекты приёма" columns={['Объект', 'Вид деятельности', { label: 'Кодов ФККО', num: true }, 'Мощность в сутки', 'Статус']}>
            {items.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <FacilityTitle f={f} />
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
      </MoreList>
    </RegisterList>
  );
}
