/** The form of a vehicle: register a new one (with its plate) or edit one (the plate stays). */
import { useState } from 'react';
import { Alert, Button, Grid, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, ApiError, errorMessage, fieldError } from '../../api/client';
import type { Ok } from '../../api/types';
import { parseRuDate } from '../../lib/dates';
import { OWNERSHIP_LABELS } from '../../lib/shared';

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
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: async () => {
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
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['vehicles'] });
      onDone(r.id);
    },
  });
  const err = (f: string) => fieldError(save.error, f);
  const generic = save.error && !(save.error instanceof ApiError && save.error.errors.length) ? errorMessage(save.error) : null;
  return (
    <form
      aria-label={vehicle ? 'Изменение транспортного средства' : 'Новое транспортное средство'}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {generic && (
          <Alert color="red" role="alert">
            {generic}
          </Alert>
        )}
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
                <DateInput
                  label="Срок аренды (лизинга)"
                  required
                  placeholder="дд.мм.гггг"
                  valueFormat="DD.MM.YYYY"
                  dateParser={parseRuDate}
                  value={v.leaseUntil}
                  onChange={(x) => set({ leaseUntil: x })}
                  error={err('leaseUntil')}
                  clearable
                />
              </Grid.Col>
            </>
          )}
        </Grid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={save.isPending}>
            {vehicle ? 'Сохранить изменения' : 'Внести в реестр'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
