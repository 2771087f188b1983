/** «Объекты»: the sites (объекты образования ОСС) of the organization. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Card, Table, Text } from '@mantine/core';
import { useSites } from './queries';
import { Empty, ErrorAlert, Loading, PageTitle, Pager } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtInt } from '../../lib/format';

const PAGE_SIZE = 50;

export function SitesPage() {
  const [page, setPage] = useState(1);
  const sites = useSites(page, PAGE_SIZE);
  return (
    <>
      <PageTitle subtitle="Объекты образования отходов строительства и сноса и грунтов">Объекты</PageTitle>
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
              'Отходопроизводитель',
              { label: 'Разрешений', num: true },
            ]}
          >
            {sites.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/sites/${s.id}`} fw={500} size="sm">
                    {s.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{s.address}</Text>
                </Table.Td>
                <Table.Td className="ossig-nowrap">{s.cadastralNumbers.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{s.producerName}</Text>
                </Table.Td>
                <Table.Td className="ossig-num">{fmtInt(s.permitCount)}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </Card>
      {sites.data && <Pager total={sites.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label="Страницы объектов" />}
    </>
  );
}
