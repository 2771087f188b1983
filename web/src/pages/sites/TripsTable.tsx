/** The site's trips, paged, filtered by permit and period (Moscow days, by unloading time). */
import { useState } from 'react';
import { Badge, Card, Group, Pagination, Select, Table, Text, Tooltip } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useTrips } from './queries';
import { Empty, ErrorAlert, Loading } from '../../components/PageState';
import { fmtDateTime, fmtDecimal, fmtInt, RECEIPT_STATUS, shortOrg } from '../../lib/format';

const PAGE_SIZES = ['25', '50', '100'];

export function TripsTable({ siteId, permits }: { siteId: string; permits: ReadonlyArray<{ id: string; number: string }> }) {
  const [permitId, setPermitId] = useState<string | null>(null);
  const [period, setPeriod] = useState<DatesRangeValue<string>>([null, null]);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [from, to] = period;
  const complete = !!from && !!to;
  const trips = useTrips({
    siteId,
    permitId: permitId ?? undefined,
    from: complete ? from : undefined,
    to: complete ? to : undefined,
    page,
    pageSize,
  });
  const pages = trips.data ? Math.max(1, Math.ceil(trips.data.total / pageSize)) : 1;

  return (
    <Card component="section" aria-label="Рейсы объекта">
      <Group align="flex-end" mb="md" gap="md">
        <Select
          label="Разрешение"
          placeholder="Все разрешения"
          data={permits.map((p) => ({ value: p.id, label: p.number }))}
          value={permitId}
          onChange={(v) => {
            setPermitId(v);
            setPage(1);
          }}
          clearable
          w={240}
        />
        <DatePickerInput
          type="range"
          label="Период (по дате выгрузки)"
          placeholder="Весь период"
          valueFormat="DD.MM.YYYY"
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setPage(1);
          }}
          clearable
          allowSingleDateInRange
          w={260}
        />
        <Select
          label="На странице"
          data={PAGE_SIZES}
          value={String(pageSize)}
          onChange={(v) => {
            setPageSize(Number(v ?? 25));
            setPage(1);
          }}
          allowDeselect={false}
          w={110}
        />
        {trips.data && (
          <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
            Всего рейсов: {fmtInt(trips.data.total)}
          </Text>
        )}
      </Group>
      {trips.isPending && <Loading label="Загрузка рейсов…" />}
      {trips.isError && <ErrorAlert error={trips.error} />}
      {trips.data && trips.data.items.length === 0 && <Empty>Рейсов по выбранным условиям нет</Empty>}
      {trips.data && trips.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table aria-label="Рейсы" striped style={{ opacity: trips.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>№</Table.Th>
                <Table.Th>Погрузка / выгрузка</Table.Th>
                <Table.Th>Разрешение</Table.Th>
                <Table.Th>Перевозчик, ТС</Table.Th>
                <Table.Th>Объект приёма</Table.Th>
                <Table.Th>ФККО</Table.Th>
                <Table.Th className="ossig-num">Объём, м³</Table.Th>
                <Table.Th className="ossig-num">Масса, т</Table.Th>
                <Table.Th>Формирование</Table.Th>
                <Table.Th>Приёмка</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trips.data.items.map((t) => {
                const receipt = RECEIPT_STATUS[t.receiptStatus] ?? { label: t.receiptStatus, color: 'gray' };
                return (
                  <Table.Tr key={t.id}>
                    <Table.Td className="ossig-nowrap">
                      <Text size="sm" c="dimmed">
                        {t.id}
                      </Text>
                    </Table.Td>
                    <Table.Td className="ossig-nowrap">
                      <Text size="sm">{fmtDateTime(t.loadedAt)}</Text>
                      <Text size="sm" c="dimmed">
                        {fmtDateTime(t.unloadedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td className="ossig-nowrap">{t.permitNumber}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} title={t.carrierName}>
                        {shortOrg(t.carrierName)}
                      </Text>
                      <Text size="sm" c="dimmed" className="ossig-nowrap">
                        {t.plate}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} title={t.facilityName}>
                        {shortOrg(t.facilityName)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t.wasteName} multiline w={320}>
                        <Text size="sm" className="ossig-nowrap">
                          {t.wasteCode}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td className="ossig-num">{fmtDecimal(t.volume, 2)}</Table.Td>
                    <Table.Td className="ossig-num">{fmtDecimal(t.mass, 3)}</Table.Td>
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {trips.data && pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} siblings={1} boundaries={1} aria-label="Страницы рейсов" />
        </Group>
      )}
    </Card>
  );
}
