/** «Объекты»: the sites (объекты образования ОСС) of the organization. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Button, Card, Group, Modal, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useAuth } from '../../auth';
import { useCanSubmit } from '../registers/common';
import { SiteForm } from './SiteForm';
import { WORKS_KIND_LABELS } from '../../lib/shared';
import { useSites } from './queries';
import { Empty, ErrorAlert, Loading, PageTitle, Pager } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtInt } from '../../lib/format';

const PAGE_SIZE = 50;

export function SitesPage() {
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [archived, setArchived] = useState(false);
  const [debounced] = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canSubmit = useCanSubmit();
  const phone = useMediaQuery('(max-width: 600px)');
  const canAdd = hasRole('producer') && canSubmit;
  const sites = useSites(page, PAGE_SIZE, { q: debounced.trim() || undefined, archived: archived || undefined });
  return (
    <>
      <PageTitle
        subtitle="Объекты образования отходов строительства и сноса и грунтов"
        right={
          canAdd && (
            <Button onClick={() => setCreating(true)} size="sm">
              Внести объект
            </Button>
          )
        }
      >
        Объекты образования ОСС
      </PageTitle>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Новый объект образования ОСС" size="lg" fullScreen={phone}>
        <SiteForm onCancel={() => setCreating(false)} onDone={(id) => navigate(`/sites/${id}`)} />
      </Modal>
      <Group mb="sm" gap="sm" wrap="wrap">
        <TextInput
          placeholder="Поиск: наименование, адрес, кадастровый номер"
          aria-label="Поиск объектов"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: 1, minWidth: 220 }}
        />
        <SegmentedControl
          aria-label="Какие объекты показать"
          value={archived ? 'archived' : 'active'}
          onChange={(x) => {
            setArchived(x === 'archived');
            setPage(1);
          }}
          data={[
            { value: 'active', label: 'Действующие' },
            { value: 'archived', label: 'Архив' },
          ]}
        />
      </Group>
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
                  <Anchor component={Link} to={`/sites/${s.id}`} fw={500} size="sm">
                    {s.name}
                  </Anchor>
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
      {sites.data && <Pager total={sites.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label="Страницы объектов" />}
    </>
  );
}
