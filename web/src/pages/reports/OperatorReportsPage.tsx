/** The operator's «Отчёты организаций»: who filed a period's reports, who is late, and totals per ФККО code. Filters in the URL. */
import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ListTable } from '../../components/ListTable';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDate, fmtDateTime, fmtDecimal } from '../../lib/format';
import { useFilers, useTotals, type OperatorKind } from './queries';

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

export function OperatorReportsPage() {
  const [search, setSearch] = useSearchParams();
  const kind = (search.get('kind') === 'tp2_waste' ? 'tp2_waste' : 'facility_monthly') as OperatorKind;
  const period = search.get('period') ?? (kind === 'tp2_waste' ? String(new Date().getUTCFullYear() - 1) : lastMonth());
  const filers = useFilers(kind, period);
  const totals = useTotals(kind, period);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(search);
    next.set(k, v);
    if (k === 'kind') next.delete('period');
    setSearch(next, { replace: true });
  };
  return (
    <>
      <PageTitle subtitle="Кто подал отчёты за период, кто опаздывает, итоги по кодам ФККО">Отчёты организаций</PageTitle>
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={kind}
          onChange={(v) => set('kind', v)}
          data={[
            { value: 'facility_monthly', label: 'Ежемесячные объектов приёма' },
            { value: 'tp2_waste', label: '2-ТП (отходы)' },
          ]}
          aria-label="Вид отчёта"
        />
        <TextInput
          label={kind === 'tp2_waste' ? 'Год' : 'Месяц (ГГГГ-ММ)'}
          value={period}
          onChange={(e) => set('period', e.currentTarget.value)}
          w={140}
          error={/^\d{4}(-\d{2})?$/.test(period) ? undefined : 'Период: ГГГГ-ММ или ГГГГ'}
        />
      </Group>
      <Stack gap="md">
        <Card component="section" aria-label="Кто подал">
          {filers.isPending && <Loading />}
          {filers.isError && <ErrorAlert error={filers.error} />}
          {filers.data && (
            <>
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {filers.data.kindTitle} — {filers.data.periodText}
                </Title>
                <Text size="sm">
                  срок {fmtDate(filers.data.deadline)} · подано {filers.data.filed} из {filers.data.items.length} · опаздывают {filers.data.late}
                </Text>
              </Group>
              {filers.data.items.length === 0 ? (
                <Empty>За этот период отчитываться некому</Empty>
              ) : (
                <ListTable minWidth={640} striped columns={['Организация', 'Статус', 'Рег. номер', 'Подан']}>
                  {filers.data.items.map((f) => (
                    <Table.Tr key={`${f.organization.id}|${f.subject?.id ?? ''}`}>
                      <Table.Td>
                        <Text size="sm">{f.organization.name}</Text>
                        <Text size="xs" c="dimmed">
                          ИНН {f.organization.inn}
                          {f.subject ? ` · ${f.subject.name}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={f.filedVersion > 0 ? 'teal' : 'gray'} variant="light">
                          {f.statusLabel}
                        </Badge>
                        {f.late && (
                          <Badge color="red" ml={4}>
                            {f.filedVersion > 0 ? 'после срока' : 'опаздывает'}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {f.reportId ? (
                          <Anchor component={Link} to={`/reports/${f.reportId}`}>
                            {f.number}
                          </Anchor>
                        ) : (
                          '—'
                        )}
                        {f.filedVersion > 1 && <Text size="xs">версия {f.filedVersion}</Text>}
                      </Table.Td>
                      <Table.Td>{f.submittedAt ? fmtDateTime(f.submittedAt) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </ListTable>
              )}
            </>
          )}
        </Card>
        <Card component="section" aria-label="Итоги по кодам">
          <Title order={2} size="h4" mb="sm">
            Итоги по кодам ФККО (поданные отчёты, последние версии)
          </Title>
          {totals.isPending && <Loading />}
          {totals.isError && <ErrorAlert error={totals.error} />}
          {totals.data &&
            (totals.data.rows.length === 0 ? (
              <Empty>Поданных отчётов за период нет</Empty>
            ) : (
              <ListTable minWidth={320 + totals.data.columns.length * 110} striped fz="sm" columns={['Код', 'Отчётов', ...totals.data.columns.map((c) => `${c.label}, ${c.unit}`)]}>
                {totals.data.rows.map((r) => (
                  <Table.Tr key={r.code}>
                    <Table.Td>
                      <Text size="sm">{r.code}</Text>
                      <Text size="xs" c="dimmed">
                        {r.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.reports}</Table.Td>
                    {totals.data.columns.map((c) => (
                      <Table.Td key={c.key}>{fmtDecimal(r.values[c.key] ?? '0')}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </ListTable>
            ))}
        </Card>
      </Stack>
    </>
  );
}
