/** The form of a receiving facility (объект приёма): register a new one or edit one. ФККО codes come from the catalogue. */
import { useState } from 'react';
import { Grid, MultiSelect, NativeSelect, Text, TextInput } from '@mantine/core';
import { api, call, ApiError } from '../../api/client';
import type { Ok } from '../../api/types';
import { FACILITY_KIND_LABELS } from '../../lib/shared';
import { useFkko } from '../applications/queries';
import { RuDateInput } from '../../components/forms';
import { EntryForm, useEntrySave } from '../registers/EntryForm';

type Card = Ok<'/api/facilities/{id}', 'get'>;
type Kind = keyof typeof FACILITY_KIND_LABELS;

const spaced = (c: string) => (/^\d{11}$/.test(c) ? `${c[0]} ${c.slice(1, 3)} ${c.slice(3, 6)} ${c.slice(6, 8)} ${c.slice(8, 10)} ${c[10]}` : c);

export function FacilityForm({ facility, onDone, onCancel }: { facility?: Card; onDone: (id: string) => void; onCancel: () => void }) {
  const [v, setV] = useState({
    name: facility?.name ?? '',
    address: facility?.address ?? '',
    kind: (facility?.kind ?? 'processing') as Kind,
    wasteCodes: facility?.wasteTypes.map((t) => t.code) ?? ([] as string[]),
    dailyCapacityT: facility?.dailyCapacityT?.replace('.', ',') ?? '',
    dailyCapacityM3: facility?.dailyCapacityM3?.replace('.', ',') ?? '',
    workingHours: facility?.workingHours ?? '',
    licenceNumber: facility?.licenceNumber ?? '',
    licenceIssuedOn: facility?.licenceIssuedOn ?? null,
    licenceValidUntil: facility?.licenceValidUntil ?? null,
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const fkko = useFkko();
  const { save, err } = useEntrySave(
    'facilities',
    async () => {
      const body = {
        ...v,
        dailyCapacityT: v.dailyCapacityT || null,
        dailyCapacityM3: v.dailyCapacityM3 || null,
        licenceNumber: v.licenceNumber || null,
      };
      if (facility) return call(api.PATCH('/api/facilities/{id}', { params: { path: { id: facility.id } }, body: { ...body, version: facility.version } }));
      return call(api.POST('/api/facilities', { body }));
    },
    onDone,
  );
  const codeErrors = save.error instanceof ApiError ? save.error.errors.filter((e) => e.field.startsWith('wasteCodes[')).map((e) => e.message) : [];
  const needsLicence = v.wasteCodes.some((c) => Number(c[10]) <= 4);
  return (
    <EntryForm label={facility ? 'Изменение объекта приёма' : 'Новый объект приёма'} editing={!!facility} save={save} onCancel={onCancel}>
      <Grid gutter="sm">
        <Grid.Col span={12}>
          <TextInput label="Наименование" required value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} error={err('name')} maxLength={500} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label="Адрес" required value={v.address} onChange={(e) => set({ address: e.currentTarget.value })} error={err('address')} maxLength={1000} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NativeSelect
            label="Вид деятельности"
            data={Object.entries(FACILITY_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={v.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as Kind })}
            error={err('kind')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Режим работы" required placeholder="круглосуточно" value={v.workingHours} onChange={(e) => set({ workingHours: e.currentTarget.value })} error={err('workingHours')} maxLength={200} />
        </Grid.Col>
        <Grid.Col span={12}>
          <MultiSelect
            label="Принимаемые коды ФККО"
            required
            searchable
            placeholder={v.wasteCodes.length ? undefined : 'Код или наименование отходов'}
            nothingFoundMessage="Нет такого кода в каталоге"
            data={(fkko.data?.items ?? []).map((t) => ({ value: t.code, label: `${spaced(t.code)} — ${t.name}` }))}
            value={v.wasteCodes}
            onChange={(x) => set({ wasteCodes: x })}
            error={err('wasteCodes') ?? (codeErrors.length ? codeErrors.join('; ') : undefined)}
            maxDropdownHeight={280}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label="Мощность в сутки, т" inputMode="decimal" value={v.dailyCapacityT} onChange={(e) => set({ dailyCapacityT: e.currentTarget.value })} error={err('dailyCapacityT')} maxLength={20} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label="Мощность в сутки, м³" inputMode="decimal" value={v.dailyCapacityM3} onChange={(e) => set({ dailyCapacityM3: e.currentTarget.value })} error={err('dailyCapacityM3')} maxLength={20} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Text size="sm" c="dimmed">
            {needsLicence ? 'Среди кодов есть отходы I–IV класса опасности: укажите лицензию.' : 'Лицензия нужна, если объект принимает отходы I–IV класса опасности.'}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="Номер лицензии" required={needsLicence} value={v.licenceNumber} onChange={(e) => set({ licenceNumber: e.currentTarget.value })} error={err('licenceNumber')} maxLength={100} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <RuDateInput
            label="Дата выдачи лицензии"
            required={needsLicence}
            value={v.licenceIssuedOn}
            onChange={(x) => set({ licenceIssuedOn: x })}
            error={err('licenceIssuedOn')}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <RuDateInput
            label="Срок действия лицензии"
            placeholder="бессрочная"
            value={v.licenceValidUntil}
            onChange={(x) => set({ licenceValidUntil: x })}
            error={err('licenceValidUntil')}
            clearable
          />
        </Grid.Col>
      </Grid>
    </EntryForm>
  );
}
