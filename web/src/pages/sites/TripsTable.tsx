/** The site's trips, paged, filtered by permit and period (Moscow days, by unloading time). */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Card, Group, Select, Table, Text } from '@mantine/core';
import type { DatesRangeValue } from '@mantine/dates';
import { useTrips } from './queries';
import { Empty, ErrorAlert, Loading } from '../../components/PageState';
import { KeysetPager, useKeyset } from '../../components/Keyset';
import { ListTable } from '../../components/ListTable';
import { CarrierAndPlate, periodQuery, TripCount, UnloadingPeriod, WasteAndQuantityCells } from '../../components/trips';
import { fmtDateTime, fmtDecimal, RECEIPT_STATUS, shortOrg } from '../../lib/format';
import { FIELD_LABELS } from '../../lib/shared';

const PAGE_SIZES = ['25', '50', '100'];

export function TripsTable({ siteId, permits }: { siteId: string; permits: ReadonlyArray<{ id: string; number: string }> }) {
  const [permitId, setPermitId] = useState<string | null>(null);
  const [period, setPeriod] = useState<DatesRangeValue<string>>([null, null]);
  const keyset = useKeyset();
  const [pageSize, setPageSize] = useState(25);
  const trips = useTrips({ siteId, ...(permitId ? { permitId } : {}), ...periodQuery(period), ...(keyset.after ? { after: keyset.after } : {}), pageSize });

  return (
    <Card component="section" aria-label="Рейсы объекта">
      <Group align="flex-end" mb="md" gap="md">
        <Select
          label={FIELD_LABELS.permitId}
          placeholder="Все разрешения"
          data={permits.map((p) => ({ value: p.id, label: p.number }))}
          value={permitId}
          onChange={(v) => {
            setPermitId(v);
            keyset.reset();
          }}
          clearable
          w={240}
        />
        <UnloadingPeriod
          value={period}
          onChange={(v) => {
            setPeriod(v);
            keyset.reset();
          }}
        />
        <Select
          label="На странице"
          data={PAGE_SIZES}
          value={String(pageSize)}
          onChange={(v) => {
            setPageSize(Number(v ?? 25));
            keyset.reset();
          }}
          allowDeselect={false}
          w={110}
        />
        {trips.data && <TripCount total={trips.data.total} />}
      </Group>
      {trips.isPending && <Loading label="Загрузка рейсов…" />}
      {trips.isError && <ErrorAlert error={trips.error} />}
      {trips.data && trips.data.items.length === 0 && <Empty>Рейсов по выбранным условиям нет</Empty>}
      {trips.data && trips.data.items.length > 0 && (
        <ListTable
          minWidth={960}
          aria-label="Рейсы"
          striped
          style={{ opacity: trips.isPlaceholderData ? 0.6 : 1 }}
          columns={[
            '№',
            'Погрузка / выгрузка',
            'Разрешение',
            'Перевозчик, ТС',
            'Объект приёма',
            'ФККО',
            { label: 'Объём, м³', num: true },
            { label: 'Масса, т', num: true },
            'Формирование',
            'Приёмка',
          ]}
        >
          {trips.data.items.map((t) => {
            const receipt = RECEIPT_STATUS[t.receiptStatus] ?? { label: t.receiptStatus, color: 'gray' };
            return (
              <Table.Tr key={t.id}>
                <Table.Td className="ossig-nowrap">
                  <Text size="sm" c="dimmed">
                    {t.id}
                  </Text>
                  {t.trackId !== null && (
                    <Anchor component={Link} to={`/telemetry/${t.trackId}`} size="xs" display="block" title={t.source === 'telemetry' ? 'Рейс сформирован по данным трекера: трек на карте' : 'Рейс подтверждён треком: трек на карте'}>
                      {t.source === 'telemetry' ? 'по трекеру, трек' : 'трек'}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td className="ossig-nowrap">
                  <Text size="sm">{fmtDateTime(t.loadedAt)}</Text>
                  <Text size="sm" c="dimmed">
                    {fmtDateTime(t.unloadedAt)}
                  </Text>
                </Table.Td>
                <Table.Td className="ossig-nowrap">{t.permitNumber}</Table.Td>
                <Table.Td>
                  <CarrierAndPlate carrierName={t.carrierName} plate={t.plate} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={t.facilityName}>
                    {shortOrg(t.facilityName)}
                  </Text>
                </Table.Td>
                <WasteAndQuantityCells trip={t} />
                <Table.Td>
                  {t.formed ? (
                    <Badge color="teal" variant="light" size="sm">
                      Сформирован
                    </Badge>
                  ) : (
                    <Text size="xs" c="orange.8" className="ossig-nowrap">
                      сформируется
                      <br />
                      {fmtDateTime(t.formedAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={receipt.color} variant="light" size="sm">
                    {receipt.label}
                  </Badge>
                  {t.receiptReason && t.receiptStatus === 'rejected' && (
                    <Text size="xs" c="red.8" maw={220}>
                      {t.receiptReason}
                    </Text>
                  )}
                  {t.receivedMass && t.receiptStatus === 'confirmed' && (
                    <Text size="xs" c="dimmed" className="ossig-nowrap">
                      принято {fmtDecimal(t.receivedMass, 3)} т
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      )}
      {trips.data && <KeysetPager keyset={keyset} nextCursor={trips.data.nextCursor} label="Страницы рейсов" />}
    </Card>
  );
}
