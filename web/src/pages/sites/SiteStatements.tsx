/** «Сведения о результатах перемещения ОСС» of a site: every statement, for downloading again. */
import { Link } from 'react-router-dom';
import { Anchor, Badge, Card, Progress, Table, Text } from '@mantine/core';
import { useSiteStatements } from './queries';
import { Empty, ErrorAlert, Loading } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtDate, fmtDateTime, fmtInt, fmtPercent, STATEMENT_STATUS } from '../../lib/format';
import { StatementFiles } from '../statements/StatementFiles';

export function SiteStatements({ siteId }: { siteId: string }) {
  const list = useSiteStatements(siteId);
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
      {list.data && list.data.length > 0 && (
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
            const st = STATEMENT_STATUS[s.status] ?? { label: s.status, color: 'gray' };
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
                  <Badge color={st.color} variant="light" style={{ overflow: 'visible' }}>
                    {st.label}
                  </Badge>
                  {(s.status === 'running' || s.status === 'queued') && (
                    <Progress value={(s.progress ?? 0) * 100} size="xs" mt={4} aria-label={`Готово ${fmtPercent(s.progress ?? 0)}`} />
                  )}
                </Table.Td>
                <Table.Td>{s.status === 'ready' ? <StatementFiles id={s.id} number={s.number} files={s.files} size="xs" /> : s.status === 'failed' ? (s.error ?? '—') : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      )}
    </Card>
  );
}
