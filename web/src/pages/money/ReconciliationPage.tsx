/**
 * «Акт сверки»: mutual settlements with one counterparty for a period (the facility with a payer, or
 * the payer with a facility): opening balance, invoices and payments by date, turnover, closing
 * balance — and the same as XLSX. The choice is kept in the address, so a view can be shared.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Button, Card, Grid, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call, fieldError } from '../../api/client';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { FormError, RuDateInput } from '../../components/forms';
import { fmtDate, fmtRub, moscowToday, shortOrg } from '../../lib/format';
import { MONEY_KEY } from './queries';

const query = (s: URLSearchParams) => (s.get('with') && s.get('from') && s.get('to') ? { counterpartyId: s.get('with')!, from: s.get('from')!, to: s.get('to')! } : null);

export function ReconciliationPage() {
  const [search, setSearch] = useSearchParams();
  const today = moscowToday();
  const [v, setV] = useState<{ with: string; from: string | null; to: string | null }>({ with: search.get('with') ?? '', from: search.get('from') ?? `${today.slice(0, 4)}-01-01`, to: search.get('to') ?? today });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const parties = useQuery({ queryKey: [...MONEY_KEY, 'counterparties'], queryFn: () => call(api.GET('/api/reconciliation/counterparties')) });
  const q = query(search);
  const act = useQuery({ queryKey: [...MONEY_KEY, 'reconciliation', q], queryFn: () => call(api.GET('/api/reconciliation', { params: { query: q! } })), enabled: !!q, retry: false });
  const err = (f: string) => missing[f] ?? fieldError(act.error, f);
  const show = () => {
    const m: Record<string, string> = {};
    if (!v.with) m.counterpartyId = 'Контрагент: выберите организацию';
    if (!v.from) m.from = 'Начало периода: укажите дату в виде дд.мм.гггг';
    if (!v.to) m.to = 'Конец периода: укажите дату в виде дд.мм.гггг';
    else if (v.from && v.to < v.from) m.to = 'Конец периода: не может быть раньше начала периода';
    setMissing(m);
    if (!Object.keys(m).length) setSearch({ with: v.with, from: v.from!, to: v.to! });
  };
  const xlsx = q ? `/api/reconciliation/xlsx?${new URLSearchParams({ counterpartyId: q.counterpartyId, from: q.from, to: q.to })}` : null;
  return (
    <>
      <PageTitle subtitle="Взаимные расчёты с объектом приёма или заказчиком за период: счета, оплаты, сальдо" right={<Anchor component={Link} to="/settlements">← Расчёты</Anchor>}>
        Акт сверки
      </PageTitle>
      <Stack gap="md">
        <Card withBorder component="section" aria-label="Период и контрагент">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              show();
            }}
          >
            <Stack gap="sm">
              {parties.isError && <ErrorAlert error={parties.error} />}
              {parties.data && parties.data.items.length === 0 && <Empty>Счетов и платежей с другими организациями пока нет — сверять нечего</Empty>}
              <Grid>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <NativeSelect
                    label="Контрагент"
                    required
                    value={v.with}
                    onChange={(e) => setV({ ...v, with: e.currentTarget.value })}
                    data={[{ value: '', label: 'Выберите организацию…' }, ...(parties.data?.items ?? []).map((o) => ({ value: o.id, label: `${shortOrg(o.name)} · ИНН ${o.inn}` }))]}
                    error={err('counterpartyId')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 3 }}>
                  <RuDateInput label="Начало периода" required value={v.from} onChange={(x) => setV({ ...v, from: x })} error={err('from')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 3 }}>
                  <RuDateInput label="Конец периода" required value={v.to} onChange={(x) => setV({ ...v, to: x })} error={err('to')} />
                </Grid.Col>
              </Grid>
              <Group justify="flex-end">
                <Button type="submit">Сформировать акт сверки</Button>
              </Group>
            </Stack>
          </form>
        </Card>
        {act.isPending && q && <Loading label="Сверка расчётов…" />}
        {act.isError && <FormError error={act.error} title="Акт сверки не сформирован" />}
        {act.data && (
          <Card withBorder component="section" aria-label="Акт сверки взаимных расчётов">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Title order={2} size="h4">
                  За период с {fmtDate(act.data.from)} по {fmtDate(act.data.to)}
                </Title>
                {xlsx && (
                  <Group gap="md">
                    <Anchor href={xlsx.replace('/xlsx?', '/pdf?')} download aria-label="Акт сверки: PDF">
                      Скачать PDF
                    </Anchor>
                    <Anchor href={xlsx} download aria-label="Акт сверки: XLSX">
                      Скачать XLSX
                    </Anchor>
                  </Group>
                )}
              </Group>
              <Text size="sm">
                Между {shortOrg(act.data.facility.name)} (ИНН {act.data.facility.inn}) и {shortOrg(act.data.payer.name)} (ИНН {act.data.payer.inn}), по данным объекта приёма
              </Text>
              <Table.ScrollContainer minWidth={560}>
                <Table striped withTableBorder aria-label="Строки акта сверки">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Дата</Table.Th>
                      <Table.Th>Документ</Table.Th>
                      <Table.Th ta="right">Дебет (начислено), ₽</Table.Th>
                      <Table.Th ta="right">Кредит (оплачено), ₽</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    <Table.Tr fw={600}>
                      <Table.Td />
                      <Table.Td>Сальдо начальное</Table.Td>
                      <Table.Td ta="right">{fmtRub(act.data.opening)}</Table.Td>
                      <Table.Td />
                    </Table.Tr>
                    {act.data.lines.map((l, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{fmtDate(l.date)}</Table.Td>
                        <Table.Td>{l.document}</Table.Td>
                        <Table.Td ta="right">{l.debit === '0.00' ? '' : fmtRub(l.debit)}</Table.Td>
                        <Table.Td ta="right">{l.credit === '0.00' ? '' : fmtRub(l.credit)}</Table.Td>
                      </Table.Tr>
                    ))}
                    <Table.Tr fw={600}>
                      <Table.Td />
                      <Table.Td>Обороты за период</Table.Td>
                      <Table.Td ta="right">{fmtRub(act.data.debit)}</Table.Td>
                      <Table.Td ta="right">{fmtRub(act.data.credit)}</Table.Td>
                    </Table.Tr>
                    <Table.Tr fw={600}>
                      <Table.Td />
                      <Table.Td>Сальдо конечное</Table.Td>
                      <Table.Td ta="right">{fmtRub(act.data.closing)}</Table.Td>
                      <Table.Td />
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Alert color={act.data.closing.startsWith('-') ? 'blue' : act.data.closing === '0.00' ? 'teal' : 'orange'} variant="light" aria-label="Итог сверки">
                {act.data.closingText}
              </Alert>
            </Stack>
          </Card>
        )}
      </Stack>
    </>
  );
}
