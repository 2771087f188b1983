/**
 * «Расчёты»: acts of services and invoices with their state (owed / paid / overdue), the signed files
 * of the acts; for a receiving facility also the payments received, the 1C bank statement import with
 * its result line by line, matching by hand and ordering the month's acts. Links to the reconciliation act
 * (ReconciliationPage) and, for a facility, to recording a payment by hand (NewPaymentPage).
 *
 * Who pays: a facility's charge for a load goes to the producer of the load's site (money/charges.ts;
 * seed 002 gives the money to the producer's cabinet, and neither it nor issue 14 defines a carrier's
 * own flows). A carrier is told so, rather than left with empty lists.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, FileButton, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import { apiHref, sendFile, type FileAnswer } from '../../api/files';
import { useAuth } from '../../auth';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { KeysetPager, fmtTotal, useKeyset } from '../../components/Keyset';
import { FormError } from '../../components/forms';
import { fmtDate, fmtInt, fmtRub, shortOrg } from '../../lib/format';
import { RowsList } from './RowsList';
import { INVOICE_STATE_COLOR, MATCH_LABEL, MONEY_KEY, useActs, useInvoices, usePayments, type Act, type Invoice, type InvoiceStateKey, type Payment, type PaymentMatch } from './queries';

const PAGE = 20;

export function SettlementsPage() {
  const { hasRole } = useAuth();
  const facility = hasRole('facility');
  return (
    <>
      <PageTitle
        subtitle={facility ? 'Акты оказанных услуг, счета заказчикам, поступившие платежи и банковские выписки' : 'Акты оказанных услуг и счета объектов приёма: что начислено, оплачено и к оплате'}
        right={
          <Group gap="sm">
            {facility && (
              <Button component={Link} to="/settlements/payment" variant="light">
                Записать платёж
              </Button>
            )}
            <Button component={Link} to="/settlements/reconciliation" variant="light">
              Акт сверки
            </Button>
          </Group>
        }
      >
        Расчёты
      </PageTitle>
      <Stack gap="md">
        {hasRole('carrier') && !facility && <CarrierNote producer={hasRole('producer')} />}
        <Invoices side={facility ? 'owed' : 'owing'} />
        {facility && <OrderActs />}
        <Acts facility={facility} />
        {facility && <BankImport />}
        {facility && <Payments />}
      </Stack>
    </>
  );
}

/** Why a carrier's «Расчёты» hold nothing for the loads it carries. */
function CarrierNote({ producer }: { producer: boolean }) {
  return (
    <Alert color="blue" title="Перевозчику счета за приём отходов не выставляются" data-testid="carrier-settlements-note">
      Приём отходов на объекте оплачивает отходообразователь — владелец объекта строительства, с которого вывезен груз: начисления, акты оказанных услуг и счета
      объекты приёма выставляют ему. {producer ? 'Здесь — только счета вашей организации как отходообразователя.' : 'Поэтому списки ниже пусты.'} Оплата перевозки между
      перевозчиком и заказчиком ведётся по их договору, вне системы.
    </Alert>
  );
}

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color}>
        {value}
      </Text>
    </Card>
  );
}

const STATE_FILTER: { value: '' | InvoiceStateKey; label: string }[] = [
  { value: '', label: 'Все' },
  { value: 'overdue', label: 'Просрочены' },
  { value: 'open', label: 'Ожидают оплаты' },
  { value: 'partly_paid', label: 'Частично' },
  { value: 'paid', label: 'Оплачены' },
];

function Invoices({ side }: { side: 'owed' | 'owing' }) {
  const [state, setState] = useState<'' | InvoiceStateKey>('');
  const keyset = useKeyset();
  const list = useInvoices({ side, state: state || undefined, after: keyset.after, pageSize: PAGE });
  const other = (i: Invoice) => (side === 'owed' ? i.payer : i.facility);
  return (
    <Card withBorder component="section" aria-label="Счета">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {side === 'owed' ? 'Счета заказчикам' : 'Счета к оплате'}
        </Title>
        {list.data && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Figure label="Выставлено" value={fmtRub(list.data.summary.invoiced)} />
            <Figure label="Оплачено" value={fmtRub(list.data.summary.paid)} />
            <Figure label={side === 'owed' ? 'Вам должны' : 'К оплате'} value={fmtRub(list.data.summary.due)} />
            <Figure label={`Просрочено (${fmtInt(list.data.summary.overdueInvoices)})`} value={fmtRub(list.data.summary.overdue)} color={list.data.summary.overdueInvoices ? 'red.9' : undefined} />
          </SimpleGrid>
        )}
        <NativeSelect
          label="Состояние"
          w={220}
          value={state}
          data={STATE_FILTER}
          onChange={(e) => {
            setState(e.currentTarget.value as '' | InvoiceStateKey);
            keyset.reset();
          }}
        />
        {list.isPending && <Loading label="Загрузка счетов…" />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && <Empty>Счетов нет</Empty>}
        {list.data && list.data.items.length > 0 && (
          <RowsList<Invoice>
            label="Список счетов"
            rows={list.data.items}
            rowKey={(i) => i.id}
            minWidth={900}
            cols={[
              { label: 'Счёт', cell: (i) => <Text size="sm" fw={600}>№ {i.number} от {fmtDate(i.issuedOn)}</Text> },
              { label: side === 'owed' ? 'Плательщик' : 'Объект приёма', cell: (i) => <Text size="sm">{shortOrg(other(i).name)}</Text> },
              { label: 'Акт', cell: (i) => <Text size="sm">№ {i.act.number}</Text> },
              { label: 'Сумма с НДС', num: true, cell: (i) => fmtRub(i.total) },
              { label: 'Оплачено', num: true, cell: (i) => fmtRub(i.paid) },
              { label: 'Остаток', num: true, cell: (i) => fmtRub(i.due) },
              { label: 'Оплатить до', cell: (i) => fmtDate(i.dueOn) },
              {
                label: 'Состояние',
                cell: (i) => (
                  <Badge color={INVOICE_STATE_COLOR[i.state]} variant="light">
                    {i.stateText}
                  </Badge>
                ),
              },
              {
                label: 'Файл',
                cell: (i) =>
                  i.fileStatus === 'ready' ? (
                    <Group gap={8} wrap="nowrap" justify="flex-end">
                      {(['pdf', 'pdf.sig'] as const).map((kind) => (
                        <Anchor key={kind} size="sm" href={apiHref('/api/invoices/{id}/files/{kind}', { id: i.id, kind })} download aria-label={`Счёт № ${i.number}: ${kind.toUpperCase()}`}>
                          {kind.toUpperCase()}
                        </Anchor>
                      ))}
                    </Group>
                  ) : i.fileStatus === 'failed' ? (
                    'не сформирован'
                  ) : (
                    'формируется'
                  ),
              },
            ]}
          />
        )}
        {list.data && <KeysetPager keyset={keyset} nextCursor={list.data.nextCursor} label="Страницы счетов" />}
      </Stack>
    </Card>
  );
}

const ACT_STATUS: Record<Act['status'], { label: string; color: string }> = {
  queued: { label: 'Формируется', color: 'blue' },
  ready: { label: 'Подписан', color: 'teal' },
  failed: { label: 'Ошибка формирования', color: 'red' },
};

function Acts({ facility }: { facility: boolean }) {
  const keyset = useKeyset();
  const list = useActs({ after: keyset.after, pageSize: PAGE });
  return (
    <Card withBorder component="section" aria-label="Акты оказанных услуг">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Акты оказанных услуг
        </Title>
        {list.isPending && <Loading label="Загрузка актов…" />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && <Empty>Актов пока нет</Empty>}
        {list.data && list.data.items.length > 0 && (
          <RowsList<Act>
            label="Список актов"
            rows={list.data.items}
            rowKey={(a) => a.id}
            minWidth={900}
            cols={[
              { label: 'Акт', cell: (a) => <Text size="sm" fw={600}>№ {a.number}</Text> },
              { label: 'Месяц', cell: (a) => a.monthText },
              { label: facility ? 'Плательщик' : 'Объект приёма', cell: (a) => <Text size="sm">{shortOrg(facility ? a.payer.name : a.facility.name)}</Text> },
              { label: 'Рейсов', num: true, cell: (a) => fmtInt(a.loads) },
              { label: 'Без НДС', num: true, cell: (a) => fmtRub(a.net) },
              { label: 'НДС', num: true, cell: (a) => fmtRub(a.vat) },
              { label: 'Всего', num: true, cell: (a) => fmtRub(a.total) },
              {
                label: 'Статус',
                cell: (a) => (
                  <Badge color={ACT_STATUS[a.status].color} variant="light">
                    {ACT_STATUS[a.status].label}
                  </Badge>
                ),
              },
              {
                label: 'Файлы',
                cell: (a) =>
                  a.status === 'ready' ? (
                    <Group gap={8} wrap="wrap" justify="flex-end">
                      {a.files.map((f) => (
                        <Anchor key={f.kind} size="sm" href={apiHref('/api/acts/{id}/files/{kind}', { id: a.id, kind: f.kind })} download aria-label={`Акт № ${a.number}: ${f.kind.toUpperCase()}`}>
                          {f.kind.toUpperCase()}
                        </Anchor>
                      ))}
                    </Group>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
        {list.data && <KeysetPager keyset={keyset} nextCursor={list.data.nextCursor} label="Страницы актов" />}
      </Stack>
    </Card>
  );
}

function OrderActs() {
  const qc = useQueryClient();
  const [month, setMonth] = useState<string | null>(null);
  const order = useMutation({
    mutationFn: () => call(api.POST('/api/acts', { body: { month: (month ?? '').slice(0, 7) } })),
    onSuccess: (r) => {
      notifications.show({
        color: 'teal',
        message: `Составлено актов: ${r.acts.length}${r.withoutTariff ? `; рейсов без тарифа (не включены): ${r.withoutTariff}` : ''}`,
      });
      void qc.invalidateQueries({ queryKey: MONEY_KEY });
    },
  });
  return (
    <Card withBorder component="section" aria-label="Составить акты за месяц">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Составить акты за месяц
        </Title>
        <FormError error={order.error} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MonthPickerInput label="Месяц" placeholder="мм.гггг" valueFormat="MM.YYYY" value={month} onChange={setMonth} w={180} />
          <Button onClick={() => order.mutate()} loading={order.isPending} disabled={!month}>
            Составить акты и счета
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          По акту и счёту на каждого плательщика за закончившийся месяц; файлы акта подписываются в фоне.
        </Text>
      </Stack>
    </Card>
  );
}

type ImportAnswer = FileAnswer<'/api/payments/bank-statement'>;

function BankImport() {
  const qc = useQueryClient();
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const keyset = useKeyset();
  const send = useMutation({
    mutationFn: (file: File) => sendFile('/api/payments/bank-statement', file),
    onSuccess: (r) => {
      setResult(r);
      keyset.reset();
      void qc.invalidateQueries({ queryKey: MONEY_KEY });
    },
  });
  const lines = usePayments({ importId: result?.id, after: keyset.after, pageSize: PAGE }, !!result);
  return (
    <Card withBorder component="section" aria-label="Банковская выписка">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Банковская выписка 1С
        </Title>
        <Text size="sm" c="dimmed">
          Файл обмена «1CClientBankExchange» (kl_to_1c.txt) из интернет-банка: поступления сопоставляются со счетами по ИНН плательщика, номеру счёта в назначении платежа и сумме. Повторная загрузка той же выписки ничего не меняет.
        </Text>
        <FormError error={send.error} title="Выписка не загружена" />
        <Group>
          <FileButton onChange={(f) => f && send.mutate(f)} accept=".txt,text/plain">
            {(props) => (
              <Button {...props} loading={send.isPending}>
                Загрузить выписку
              </Button>
            )}
          </FileButton>
        </Group>
        {result && (
          <Stack gap="xs" aria-label="Результат загрузки выписки">
            <Text size="sm">
              {result.fileName}
              {result.from && result.to ? ` · за ${fmtDate(result.from)} — ${fmtDate(result.to)}` : ''} · документов: {fmtInt(result.documents)}
            </Text>
            <Group gap="xs">
              <Badge color="blue" variant="light">новых поступлений: {fmtInt(result.added)}</Badge>
              <Badge color="teal" variant="light">сопоставлено: {fmtInt(result.matched)}</Badge>
              <Badge color={result.unmatched ? 'orange' : 'gray'} variant="light">
                ждут сопоставления: {fmtInt(result.unmatched)}
              </Badge>
              <Badge color="gray" variant="light">загружены раньше: {fmtInt(result.duplicates)}</Badge>
              <Badge color="gray" variant="light">списания и чужие: {fmtInt(result.outgoing)}</Badge>
            </Group>
            {lines.data && lines.data.items.length > 0 && <PaymentRows rows={lines.data.items} label="Строки выписки" />}
            {lines.data && <KeysetPager keyset={keyset} nextCursor={lines.data.nextCursor} label="Страницы строк выписки" />}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Payments() {
  const [match, setMatch] = useState<'' | PaymentMatch>('');
  const keyset = useKeyset();
  const list = usePayments({ match: match || undefined, after: keyset.after, pageSize: PAGE });
  return (
    <Card withBorder component="section" aria-label="Платежи">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            Поступившие платежи
          </Title>
          {list.data && list.data.unmatched.value > 0 && <Badge color="orange">ждут сопоставления: {fmtTotal(list.data.unmatched)}</Badge>}
        </Group>
        <SegmentedControl
          value={match}
          onChange={(x) => {
            setMatch(x as '' | PaymentMatch);
            keyset.reset();
          }}
          data={[
            { value: '', label: 'Все' },
            { value: 'unmatched', label: 'Ждут' },
            { value: 'auto', label: 'Сопоставлены' },
            { value: 'ignored', label: 'Не к счетам' },
          ]}
          aria-label="Какие платежи показать"
        />
        {list.isPending && <Loading label="Загрузка платежей…" />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && <Empty>Платежей нет</Empty>}
        {list.data && list.data.items.length > 0 && <PaymentRows rows={list.data.items} label="Список платежей" />}
        {list.data && <KeysetPager keyset={keyset} nextCursor={list.data.nextCursor} label="Страницы платежей" />}
      </Stack>
    </Card>
  );
}

function PaymentRows({ rows, label }: { rows: Payment[]; label: string }) {
  const qc = useQueryClient();
  const open = useInvoices({ side: 'owed', pageSize: 100 });
  const [choice, setChoice] = useState<Record<string, string>>({});
  const setMatch = useMutation({
    mutationFn: (x: { id: string; invoiceId?: string | null; ignore?: boolean }) => call(api.PUT('/api/payments/{id}/match', { params: { path: { id: x.id } }, body: { invoiceId: x.invoiceId ?? null, ignore: x.ignore ?? null } })),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Сопоставление сохранено' });
      void qc.invalidateQueries({ queryKey: MONEY_KEY });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Не сохранено', message: errorMessage(e) }),
  });
  const candidates = (p: Payment) => (open.data?.items ?? []).filter((i) => i.state !== 'paid' && (!p.payerId || i.payer.id === p.payerId));
  return (
    <RowsList<Payment>
      label={label}
      rows={rows}
      rowKey={(p) => p.id}
      minWidth={960}
      cols={[
        { label: 'Документ', cell: (p) => <Text size="sm">№ {p.docNumber} от {fmtDate(p.docDate)}</Text> },
        { label: 'Плательщик', cell: (p) => <Text size="sm">{p.payerName ? shortOrg(p.payerName) : '—'}{p.payerInn ? ` · ИНН ${p.payerInn}` : ''}</Text> },
        { label: 'Сумма', num: true, cell: (p) => fmtRub(p.amount) },
        {
          label: 'Сопоставление',
          cell: (p) => (
            <Stack gap={2}>
              <Badge color={MATCH_LABEL[p.match].color} variant="light">
                {MATCH_LABEL[p.match].label}
                {p.invoice ? ` · счёт № ${p.invoice.number}` : ''}
              </Badge>
              {p.matchNote && (
                <Text size="xs" c="dimmed">
                  {p.matchNote}
                </Text>
              )}
            </Stack>
          ),
        },
      ]}
      actions={(p) =>
        p.match === 'unmatched' ? (
          <>
            <NativeSelect
              size="xs"
              aria-label={`Счёт для платежа № ${p.docNumber}`}
              value={choice[p.id] ?? ''}
              onChange={(e) => setChoice({ ...choice, [p.id]: e.currentTarget.value })}
              data={[{ value: '', label: 'Счёт…' }, ...candidates(p).map((i) => ({ value: i.id, label: `№ ${i.number} · ${fmtRub(i.due)}` }))]}
            />
            <Button size="xs" variant="light" disabled={!choice[p.id]} loading={setMatch.isPending && setMatch.variables?.id === p.id} onClick={() => setMatch.mutate({ id: p.id, invoiceId: choice[p.id] })}>
              Отнести
            </Button>
            <Button size="xs" variant="subtle" color="gray" onClick={() => setMatch.mutate({ id: p.id, ignore: true })}>
              Не к счетам
            </Button>
          </>
        ) : p.match !== 'ignored' || p.invoice ? (
          <Button size="xs" variant="subtle" color="gray" onClick={() => setMatch.mutate({ id: p.id, invoiceId: null })} aria-label={`Отменить сопоставление платежа № ${p.docNumber}`}>
            Отменить
          </Button>
        ) : (
          <Button size="xs" variant="subtle" color="gray" onClick={() => setMatch.mutate({ id: p.id, invoiceId: null })} aria-label={`Вернуть платёж № ${p.docNumber} к сопоставлению`}>
            Вернуть
          </Button>
        )
      }
    />
  );
}
