/** Pieces of the trip tables (a site's trips, a facility's receipts): the period filter, the count and the cells of a trip. */
import { fmtTotal, type ListTotal } from './Keyset';
import { Table, Text, Tooltip } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { fmtDecimal, fmtInt, shortOrg } from '../lib/format';

/** The period of unloading (Moscow days, both inclusive); a half-chosen range filters nothing yet. */
export function UnloadingPeriod({ value, onChange }: { value: DatesRangeValue<string>; onChange: (value: DatesRangeValue<string>) => void }) {
  return (
    <DatePickerInput
      type="range"
      label="Период (по дате выгрузки)"
      placeholder="Весь период"
      valueFormat="DD.MM.YYYY"
      value={value}
      onChange={onChange}
      clearable
      allowSingleDateInRange
      w={260}
    />
  );
}

/** The chosen period as query parameters: both ends, or none. */
export function periodQuery([from, to]: DatesRangeValue<string>): { from?: string; to?: string } {
  return from && to ? { from, to } : {};
}

export function TripCount({ total }: { total: ListTotal }) {
  return (
    <Text size="sm" c="dimmed" ml="auto" aria-live="polite" title={total.exact ? undefined : total.bound ? 'Счёт остановлен на этом числе' : 'Оценка по статистике базы данных'}>
      Всего рейсов: {fmtTotal(total)}
    </Text>
  );
}

/** The carrier (short name, full on hover) and the vehicle's plate. */
export function CarrierAndPlate({ carrierName, plate }: { carrierName: string; plate: string }) {
  return (
    <>
      <Text size="sm" lineClamp={2} title={carrierName}>
        {shortOrg(carrierName)}
      </Text>
      <Text size="sm" c="dimmed" className="ossig-nowrap">
        {plate}
      </Text>
    </>
  );
}

/** The ФККО code, its name on hover; then the volume and the mass as the carrier gave them. */
export function WasteAndQuantityCells({ trip }: { trip: { wasteCode: string; wasteName: string; volume: string; mass: string } }) {
  return (
    <>
      <Table.Td>
        <Tooltip label={trip.wasteName} multiline w={320}>
          <Text size="sm" className="ossig-nowrap">
            {trip.wasteCode}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td className="ossig-num">{fmtDecimal(trip.volume, 2)}</Table.Td>
      <Table.Td className="ossig-num">{fmtDecimal(trip.mass, 3)}</Table.Td>
    </>
  );
}
