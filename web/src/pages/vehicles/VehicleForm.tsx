/** The form of a vehicle: register a new one (with its plate) or edit one (the plate stays). */
import { useState } from 'react';
import { Grid, NativeSelect, TextInput } from '@mantine/core';
import { api, call } from '../../api/client';
import type { Ok } from '../../api/types';
import { OWNERSHIP_LABELS } from '../../lib/shared';
import { RuDateInput } from '../../components/forms';
import { EntryForm, useEntrySave } from '../registers/EntryForm';

type Card = Ok<'/api/vehicles/{id}', 'get'>;

export function VehicleForm({ vehicle, onDone, onCancel }: { vehicle?: Card; onDone: (id: string) => void; onCancel: () => void }) {
  const [v, setV] = useState({
    plate: vehicle?.plate ?? '',
    make: vehicle?.make ?? '',
    model: vehicle?.model ?? '',
    capacityM3: vehicle?.capacityM3?.replace('.', ',') ?? '',
    loadCapacityT: vehicle?.loadCapacityT?.replace('.', ',') ?? '',
    terminalNumber: vehicle?.terminalNumber ?? '',
    ownership: (vehicle?.ownership ?? 'owned') as 'owned' | 'leased',
    leaseDocument: vehicle?.leaseDocument ?? '',
    leaseUntil: vehicle?.leaseUntil ?? null,
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const { save, err } = useEntrySave(
    'vehicles',
    async () => {
      const body = {
        make: v.make,
        model: v.model,
        capacityM3: v.capacityM3,
        loadCapacityT: v.loadCapacityT,
        terminalNumber: v.terminalNumber,
        ownership: v.ownership,
        leaseDocument: v.ownership === 'leased' ? v.leaseDocument : null,
        leaseUntil: v.ownership === 'leased' ? v.leaseUntil : null,
      };
      if (vehicle) return call(api.PATCH('/api/vehicles/{id}', { params: { path: { id: vehicle.id } }, body: { ...body, version: vehicle.version } }));
      return call(api.POST('/api/vehicles', { body: { ...body, plate: v.plate } }));
    },
    onDone,
  );
  return (
    <EntryForm label={vehicle ? 'Изменение транспортного средства' : 'Новое транспортное средство'} editing={!!vehicle} save={save} onCancel={onCancel}>
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Госномер ТС"
            placeholder="А123ВС777"
            required
            disabled={!!vehicle}
            value={v.plate}
            onChange={(e) => set({ plate: e.currentTarget.value })}
            error={err('plate')}
            maxLength={20}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Номер терминала ГЛОНАСС/GPS" required value={v.terminalNumber} onChange={(e) => set({ terminalNumber: e.currentTarget.value })} error={err('terminalNumber')} maxLength={40} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Марка" required value={v.make} onChange={(e) => set({ make: e.currentTarget.value })} error={err('make')} maxLength={100} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Модель" required value={v.model} onChange={(e) => set({ model: e.currentTarget.value })} error={err('model')} maxLength={100} />
        </Grid.Col>
        <Grid.Col span={{ base: 6 }}>
          <TextInput label="Объём кузова, м³" required inputMode="decimal" value={v.capacityM3} onChange={(e) => set({ capacityM3: e.currentTarget.value })} error={err('capacityM3')} maxLength={20} />
        </Grid.Col>
        <Grid.Col span={{ base: 6 }}>
          <TextInput label="Грузоподъёмность, т" required inputMode="decimal" value={v.loadCapacityT} onChange={(e) => set({ loadCapacityT: e.currentTarget.value })} error={err('loadCapacityT')} maxLength={20} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <NativeSelect
            label="Основание владения"
            data={Object.entries(OWNERSHIP_LABELS).map(([value, label]) => ({ value, label }))}
            value={v.ownership}
            onChange={(e) => set({ ownership: e.currentTarget.value as 'owned' | 'leased' })}
            error={err('ownership')}
          />
        </Grid.Col>
        {v.ownership === 'leased' && (
          <>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Договор аренды (лизинга)" required value={v.leaseDocument} onChange={(e) => set({ leaseDocument: e.currentTarget.value })} error={err('leaseDocument')} maxLength={200} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <RuDateInput
                label="Срок аренды (лизинга)"
                required
                value={v.leaseUntil}
                onChange={(x) => set({ leaseUntil: x })}
                error={err('leaseUntil')}
                clearable
              />
            </Grid.Col>
          </>
        )}
      </Grid>
    </EntryForm>
  );
}
