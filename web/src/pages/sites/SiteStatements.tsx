/** «Сведения о результатах перемещения ОСС» of a site: every statement, for downloading again. */
import { Link } from 'react-router-dom';
import { Anchor, Badge, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useSiteStatements } from './queries';
import { Empty, ErrorAlert, Loading } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtDate, fmtDateTime, fmtInt, fmtPercent, STATEMENT_STATUS } from '../../lib/format';
import { StatementFiles } from '../statements/StatementFiles';

type Statement = NonNullable<ReturnType<typeof useSiteStatements>['data']>[number];

function Status({ s }: { s: Statement }) {
  const st = STATEMENT_STATUS[s.status] ?? { label: s.status, color: 'gray' };
  return (
    <>
      <Badge color={st.color} variant="light" style={{ overflow: 'visible' }}>
        {st.label}
      </Badge>
      {(s.status === 'running' || s.status === 'queued') && (
        <Progress value={(s.progress ?? 0) * 100} size="xs" mt={4} aria-label={`Готово ${fmtPercent(s.progress ?? 0)}`} />
      )}
    </>
  );
}

const files = (s: Statement) => (s.status === 'ready' ? <StatementFiles id={s.id} number={s.number} files={s.files} size="xs" /> : s.status === 'failed' ? (s.error ?? '—') : '—');

export function SiteStatements({ siteId }: { siteId: string }) {
  const list = useSiteStatements(siteId);
  // On a phone each statement is a block with its files below, reachable without scrolling a table sideways.
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Card component="section" aria-label="Сведения о результатах перемещения ОСС">
      {list.isPending && <Loading label="Загрузка сведений…" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data === null && <Empty>Раздел пока недоступен: сведения о результатах перемещения ОСС ещё не формируются</Empty>}
      {list.data && list.data.length === 0 && (
        <Empty>
          Сведений пока нет. Сформировать их можно в разделе{' '}
          <Anchor component={Link} to="/services" size="sm">
            «Госуслуги и функции»
          </Anchor>
          .
        </Empty>
      )}
      {list.data && list.data.length > 0 && phone && (
        <Stack gap="xs" role="list" aria-label="Сформированные сведения">
          {list.data.map((s) => (
            <Stack key={s.id} gap={4} role="listitem" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={`/statements/${s.id}`} size="sm" fw={500}>
                  {s.number ?? 'без номера'}
                </Anchor>
                <div>
                  <Status s={s} />
                </div>
              </Group>
              <Text size="sm">
                {fmtDate(s.from)} — {fmtDate(s.to)}
                {s.tripCount == null ? '' : ` · рейсов: ${fmtInt(s.tripCount)}`}
              </Text>
              {s.permits.length > 0 && <Text size="xs" c="dimmed">Разрешения: {s.permits.map((p) => p.number).join(', ')}</Text>}
              <Text size="xs" c="dimmed">
                Заказаны {fmtDateTime(s.orderedAt)}
              </Text>
              <div>{files(s)}</div>
            </Stack>
          ))}
        </Stack>
      )}
      {list.data && list.data.length > 0 && !phone && (
        <ListTable
          minWidth={800}
          aria-label="Сформированные сведения"
          columns={[
            'Номер',
            'Период',
            'Разрешения',
            { label: 'Рейсов', num: true },
            'Заказаны',
            { label: 'Статус', w: 150 },
            'Файлы',
          ]}
        >
          {list.data.map((s) => {
            return (
              <Table.Tr key={s.id}>
                <Table.Td className="ossig-nowrap">
                  <Anchor component={Link} to={`/statements/${s.id}`} size="sm">
                    {s.number ?? 'без номера'}
                  </Anchor>
                </Table.Td>
                <Table.Td className="ossig-nowrap">
                  {fmtDate(s.from)} — {fmtDate(s.to)}
                </Table.Td>
                <Table.Td>
                  {s.permits.length === 0 && '—'}
                  {s.permits.map((p) => (
                    <Text size="sm" key={p.id} className="ossig-nowrap">
                      {p.number}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td className="ossig-num">{s.tripCount == null ? '—' : fmtInt(s.tripCount)}</Table.Td>
                <Table.Td className="ossig-nowrap">{fmtDateTime(s.orderedAt)}</Table.Td>
                <Table.Td>
                  <Status s={s} />
                </Table.Td>
                <Table.Td>{files(s)}</Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      )}
    </Card>
  );
}
