/** «Объекты»: the sites (объекты образования ОСС) of the organization. */
import { useState } from 'react';
import { Card, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useAuth } from '../../auth';
import { EntryLink, useCanSubmit } from '../registers/common';
import { RegisterList } from '../registers/RegisterList';
import { SiteForm } from './SiteForm';
import { WORKS_KIND_LABELS } from '../../lib/shared';
import { useSites } from './queries';
import { Empty, ErrorAlert, Loading } from '../../components/PageState';
import { KeysetPager, fmtTotal, useKeyset } from '../../components/Keyset';
import { ListTable } from '../../components/ListTable';
import { fmtInt } from '../../lib/format';

const PAGE_SIZE = 50;

export function SitesPage() {
  const keyset = useKeyset();
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [debounced] = useDebouncedValue(q, 300);
  const { hasRole } = useAuth();
  const canSubmit = useCanSubmit();
  const canAdd = hasRole('producer') && canSubmit;
  const sites = useSites(keyset.after, PAGE_SIZE, { q: debounced.trim() || undefined, archived: archived || undefined });
  return (
    <RegisterList
      title="Объекты образования ОСС"
      subtitle="Объекты образования отходов строительства и сноса и грунтов"
      canAdd={canAdd}
      addLabel="Внести объект"
      dialogTitle="Новый объект образования ОСС"
      dialogSize="lg"
      Form={SiteForm}
      cardPath="/sites"
      search={{
        placeholder: 'Поиск: наименование, адрес, кадастровый номер',
        label: 'Поиск объектов',
        value: q,
        onChange: (v) => {
          setQ(v);
          keyset.reset();
        },
      }}
      filter={{
        label: 'Какие объекты показать',
        value: archived ? 'archived' : 'active',
        onChange: (x) => {
          setArchived(x === 'archived');
          keyset.reset();
        },
        data: [
          { value: 'active', label: 'Действующие' },
          { value: 'archived', label: 'Архив' },
        ],
      }}
    >
      <Card padding={0}>
        {sites.isPending && <Loading label="Загрузка объектов…" />}
        {sites.isError && <ErrorAlert error={sites.error} />}
        {sites.data && sites.data.items.length === 0 && <Empty>Объектов пока нет</Empty>}
        {sites.data && sites.data.items.length > 0 && (
          <ListTable
            minWidth={800}
            aria-label="Объекты образования ОСС"
            columns={[
              'Объект',
              'Адрес',
              'Кадастровый номер',
              'Вид работ',
              'Отходопроизводитель',
              { label: 'Разрешений', num: true },
            ]}
          >
            {sites.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <EntryLink to={`/sites/${s.id}`}>{s.name}</EntryLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.address}</Text>
                </Table.Td>
                <Table.Td className="ossig-nowrap">{s.cadastralNumbers.join(', ') || '—'}</Table.Td>
                <Table.Td>{WORKS_KIND_LABELS[s.worksKind as keyof typeof WORKS_KIND_LABELS] ?? s.worksKind}</Table.Td>
                <Table.Td>
                  <Text size="sm">{s.producerName}</Text>
                </Table.Td>
                <Table.Td className="ossig-num">{fmtInt(s.permitCount)}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </Card>
      {sites.data && sites.data.items.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          Всего: {fmtTotal(sites.data.total)}
        </Text>
      )}
      <KeysetPager keyset={keyset} nextCursor={sites.data?.nextCursor} label="Страницы объектов" />
    </RegisterList>
  );
}
