/**
 * «Приём рейсов»: a facility sees the trips delivered to it (filtered by
 * receipt status and by the period of unloading) and confirms each with the
 * weighed mass, or rejects it with a reason; or sends a file of decisions
 * («Номер рейса», «Решение», «Масса, т», «Причина»). Each decision is said
 * above the table: the decided trip leaves the «Ожидают приёма» list.
 */
import { useState } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, FileButton, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import type { DatesRangeValue } from '@mantine/dates';
import { api, call, errorMessage } from '../../api/client';
import { sendFile, type FileAnswer } from '../../api/files';
import type { Ok } from '../../api/types';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { KeysetPager, useKeyset } from '../../components/Keyset';
import { ListTable } from '../../components/ListTable';
import { CarrierAndPlate, periodQuery, TripCount, UnloadingPeriod, WasteAndQuantityCells } from '../../components/trips';
import { RECEIPT_STATUS, fmtDateTime, fmtDecimal, fmtInt, shortOrg } from '../../lib/format';
import { FIELD_LABELS } from '../../lib/shared';

const PAGE_SIZE = 50;

type Receipt = Ok<'/api/receipts', 'get'>['items'][number];
type FileResult = FileAnswer<'/api/receipts/upload'>;
type DecisionAnswer = Ok<'/api/receipts/{tripId}/confirm', 'post'>;

const decisionText = (d: DecisionAnswer) =>
  d.receiptStatus === 'confirmed'
    ? `Рейс № ${d.tripId} принят: ${fmtDecimal(d.receivedMass, 3)} т по весам`
    : `Рейс № ${d.tripId} отклонён. Причина: ${d.receiptReason ?? ''}`;

export function ReceiptsPage() {
  const [status, setStatus] = useState<'pending' | 'confirmed' | 'rejected' | 'all'>('pending');
  const keyset = useKeyset();
  const [rejecting, setRejecting] = useState<Receipt | null>(null);
  const [fileResult, setFileResult] = useState<FileResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [last, setLast] = useState<DecisionAnswer | null>(null);
  const [period, setPeriod] = useState<DatesRangeValue<string>>([null, null]);
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)');
  const query = { ...(keyset.after ? { after: keyset.after } : {}), pageSize: PAGE_SIZE, ...(status === 'all' ? {} : { status }), ...periodQuery(period) };
  const list = useQuery({
    queryKey: ['receipts', query],
    queryFn: () => call(api.GET('/api/receipts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['receipts'] });
  const decided = (d: DecisionAnswer) => {
    setLast(d);
    void refresh();
  };

  const onFile = async (file: File | null) => {
    if (!file) return;
    setFileError(null);
    setFileResult(null);
    try {
      setFileResult(await sendFile('/api/receipts/upload', file));
      refresh();
    } catch (e) {
      setFileError(errorMessage(e));
    }
  };

  return (
    <>
      <PageTitle
        subtitle="Рейсы, доставленные на ваш объект: подтвердите приём с массой по весам или отклоните с причиной"
        right={
          <FileButton onChange={onFile} accept=".xlsx,.csv">
            {(props) => (
              <Button variant="light" {...props}>
                Загрузить решения файлом
              </Button>
            )}
          </FileButton>
        }
      >
        Приём рейсов
      </PageTitle>
      {fileError && (
        <Alert color="red" mb="md" title="Файл не обработан" role="alert">
          {fileError}
        </Alert>
      )}
      {fileResult && (
        <Alert color={fileResult.errors ? 'yellow' : 'teal'} mb="md" title="Решения из файла" withCloseButton onClose={() => setFileResult(null)}>
          <Text size="sm">
            Строк: {fmtInt(fileResult.rows)}; применено: {fmtInt(fileResult.applied)}; без изменений: {fmtInt(fileResult.unchanged)}; с ошибками:{' '}
            {fmtInt(fileResult.errors)}.
          </Text>
          {fileResult.results
            .filter((r) => r.outcome === 'error')
            .slice(0, 50)
            .map((r) => (
              <Text size="sm" key={r.row}>
                Строка {r.row}: {r.errors.map((e) => e.message).join('; ')}
              </Text>
            ))}
        </Alert>
      )}
      {last && (
        <Alert
          color={last.receiptStatus === 'confirmed' ? 'teal' : 'orange'}
          mb="md"
          role="status"
          withCloseButton
          onClose={() => setLast(null)}
          closeButtonLabel="Скрыть"
        >
          {decisionText(last)}
          {last.unchanged ? ' (это решение уже было принято раньше)' : ''}
        </Alert>
      )}
      <Group mb="md" align="flex-end">
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v as typeof status);
            keyset.reset();
          }}
          data={[
            { value: 'pending', label: 'Ожидают приёма' },
            { value: 'confirmed', label: 'Приняты' },
            { value: 'rejected', label: 'Отклонены' },
            { value: 'all', label: 'Все' },
          ]}
          aria-label="Статус приёма"
        />
        <UnloadingPeriod
          value={period}
          onChange={(v) => {
            setPeriod(v);
            keyset.reset();
          }}
        />
        {list.data && <TripCount total={list.data.total} />}
      </Group>
      <Card padding={0}>
        {list.isPending && <Loading label="Загрузка рейсов…" />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && (
          <Empty>{status === 'pending' ? 'Все доставленные рейсы рассмотрены: ожидающих приёма нет' : 'Рейсов по выбранным условиям нет'}</Empty>
        )}
        {list.data && list.data.items.length > 0 && phone && (
          // On a phone: a card per trip, its decision at hand without scrolling sideways.
          <Stack gap={0} aria-label="Рейсы на приём" role="list" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            {list.data.items.map((t) => (
              <ReceiptCard key={t.id} trip={t} onDone={decided} onReject={() => setRejecting(t)} />
            ))}
          </Stack>
        )}
        {list.data && list.data.items.length > 0 && !phone && (
          <ListTable
            minWidth={1080}
            aria-label="Рейсы на приём"
            verticalSpacing="xs"
            style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
            columns={[
              'Рейс, выгрузка',
              'Перевозчик, ТС',
              'Объект образования, разрешение',
              'ФККО',
              { label: 'Объём, м³', num: true },
              { label: 'Масса, т', num: true, title: 'Масса по данным перевозчика' },
              { label: 'Приём: масса по весам, т', w: 320 },
            ]}
          >
            {list.data.items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td className="ossig-nowrap">
                  <Text size="sm" fw={500}>
                    № {t.id}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {fmtDateTime(t.unloadedAt)}
                  </Text>
                </Table.Td>
                <Table.Td className="ossig-nowrap">
                  <CarrierAndPlate carrierName={t.carrierName} plate={t.plate} />
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" lineClamp={2} title={t.siteName}>
                    {t.siteName}
                  </Text>
                  <Text size="sm" c="dimmed" className="ossig-nowrap">
                    {t.permitNumber}
                  </Text>
                </Table.Td>
                <WasteAndQuantityCells trip={t} />
                <Table.Td>
                  {t.receiptStatus === 'pending' ? (
                    <Decide trip={t} onDone={decided} onReject={() => setRejecting(t)} />
                  ) : (
                    <Decided trip={t} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </Card>
      {list.data && <KeysetPager keyset={keyset} nextCursor={list.data.nextCursor} label="Страницы рейсов" />}
      <RejectModal trip={rejecting} onClose={() => setRejecting(null)} onDone={decided} />
    </>
  );
}

/** The decision already made: status, weighed mass, reason, when. */
function Decided({ trip: t }: { trip: Receipt }) {
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={RECEIPT_STATUS[t.receiptStatus].color} variant="light">
        {RECEIPT_STATUS[t.receiptStatus].label}
      </Badge>
      {t.receivedMass && (
        <Text size="sm" className="ossig-nowrap">
          по весам {fmtDecimal(t.receivedMass, 3)} т
        </Text>
      )}
      {t.receiptReason && (
        <Text size="sm" c="dimmed">
          Причина: {t.receiptReason}
        </Text>
      )}
      {t.receivedAt && (
        <Text size="xs" c="dimmed">
          {fmtDateTime(t.receivedAt)}
        </Text>
      )}
    </Stack>
  );
}

/** One trip as a card (phones): what the table's row says, one field under another. */
function ReceiptCard({ trip: t, onDone, onReject }: { trip: Receipt; onDone: (d: DecisionAnswer) => void; onReject: () => void }) {
  return (
    <Stack gap={6} p="md" role="listitem" aria-label={`Рейс № ${t.id}`} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          Рейс № {t.id}
        </Text>
        <Text size="sm" c="dimmed">
          выгрузка {fmtDateTime(t.unloadedAt)}
        </Text>
      </Group>
      <Text size="sm">
        {shortOrg(t.carrierName)}, {t.plate}
      </Text>
      <Text size="sm">
        {t.siteName} · <Text span c="dimmed" inherit>{t.permitNumber}</Text>
      </Text>
      <Text size="sm">
        ФККО {t.wasteCode} — {t.wasteName}
      </Text>
      <Text size="sm">
        {fmtDecimal(t.volume, 2)} м³ · {fmtDecimal(t.mass, 3)} т по данным перевозчика
      </Text>
      {t.receiptStatus === 'pending' ? <Decide trip={t} onDone={onDone} onReject={onReject} /> : <Decided trip={t} />}
    </Stack>
  );
}

function Decide({ trip, onDone, onReject }: { trip: Receipt; onDone: (d: DecisionAnswer) => void; onReject: () => void }) {
  const [mass, setMass] = useState(trip.mass.replace('.', ','));
  const confirm = useMutation({
    mutationFn: () => call(api.POST('/api/receipts/{tripId}/confirm', { params: { path: { tripId: trip.id } }, body: { mass } })),
    onSuccess: onDone,
  });
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <TextInput
          size="xs"
          w={110}
          value={mass}
          rightSection={<Text size="xs" c="dimmed">т</Text>}
          rightSectionPointerEvents="none"
          onChange={(e) => setMass(e.currentTarget.value)}
          aria-label={`Масса по весам, т, рейс ${trip.id}`}
          error={confirm.isError ? true : undefined}
        />
        <Button size="xs" color="teal" loading={confirm.isPending} onClick={() => confirm.mutate()}>
          Принять
        </Button>
        <Button size="xs" variant="light" color="red" onClick={onReject}>
          Отклонить
        </Button>
      </Group>
      {confirm.isError && (
        <Text size="xs" c="red">
          {errorMessage(confirm.error)}
        </Text>
      )}
    </Stack>
  );
}

function RejectModal({ trip, onClose, onDone }: { trip: Receipt | null; onClose: () => void; onDone: (d: DecisionAnswer) => void }) {
  const [reason, setReason] = useState('');
  const reject = useMutation({
    mutationFn: () => call(api.POST('/api/receipts/{tripId}/reject', { params: { path: { tripId: trip!.id } }, body: { reason } })),
    onSuccess: (d) => {
      setReason('');
      onDone(d);
      onClose();
    },
  });
  const close = () => {
    setReason('');
    reject.reset();
    onClose();
  };
  return (
    <Modal opened={trip !== null} onClose={close} title={trip ? `Отклонить рейс № ${trip.id}` : ''}>
      <Stack>
        <Textarea
          label={FIELD_LABELS.reason}
          description="Её увидят отходопроизводитель и перевозчик"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          minRows={3}
          error={reject.isError ? errorMessage(reject.error) : undefined}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Отмена
          </Button>
          <Button color="red" loading={reject.isPending} onClick={() => reject.mutate()}>
            Отклонить рейс
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
