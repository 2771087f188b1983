/**
 * The form of a site (объект образования ОСС): create or edit. The server
 * checks every field; its messages are shown under the fields they name.
 */
import { useState } from 'react';
import { Button, Grid, Group, NativeSelect, Stack, TextInput, Textarea, ActionIcon, Text } from '@mantine/core';
import { api, call, ApiError } from '../../api/client';
import type { SiteCard } from '../../api/types';
import { WORKS_DOCUMENT_LABELS, WORKS_KIND_LABELS } from '../../lib/shared';
import { RuDateInput } from '../../components/forms';
import { EntryForm, useEntrySave } from '../registers/EntryForm';

type WorksKind = keyof typeof WORKS_KIND_LABELS;
type WorksDocumentKind = keyof typeof WORKS_DOCUMENT_LABELS;

interface Values {
  name: string;
  address: string;
  cadastralNumbers: string[];
  worksKind: WorksKind | '';
  worksDocumentKind: WorksDocumentKind | '';
  worksDocumentNumber: string;
  worksDocumentDate: string | null;
  plannedFrom: string | null;
  plannedTo: string | null;
}

const fromCard = (s?: SiteCard): Values => ({
  name: s?.name ?? '',
  address: s?.address ?? '',
  cadastralNumbers: s?.cadastralNumbers.length ? [...s.cadastralNumbers] : [''],
  worksKind: (s?.worksKind as WorksKind) ?? '',
  worksDocumentKind: (s?.worksDocumentKind as WorksDocumentKind) ?? '',
  worksDocumentNumber: s?.worksDocumentNumber ?? '',
  worksDocumentDate: s?.worksDocumentDate ?? null,
  plannedFrom: s?.plannedFrom ?? null,
  plannedTo: s?.plannedTo ?? null,
});

export function SiteForm({ site, onDone, onCancel }: { site?: SiteCard; onDone: (id: string) => void; onCancel: () => void }) {
  const [v, setV] = useState<Values>(() => fromCard(site));
  const set = (patch: Partial<Values>) => setV((x) => ({ ...x, ...patch }));
  const { save, err } = useEntrySave(
    'sites',
    async () => {
      const body = {
        name: v.name,
        address: v.address,
        cadastralNumbers: v.cadastralNumbers,
        worksKind: v.worksKind || null,
        worksDocumentKind: v.worksDocumentKind || null,
        worksDocumentNumber: v.worksDocumentNumber,
        worksDocumentDate: v.worksDocumentDate,
        plannedFrom: v.plannedFrom,
        plannedTo: v.plannedTo,
      };
      if (site) return call(api.PATCH('/api/sites/{id}', { params: { path: { id: site.id } }, body: { ...body, version: site.version } }));
      return call(api.POST('/api/sites', { body }));
    },
    onDone,
  );
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const date = (label: string, key: 'worksDocumentDate' | 'plannedFrom' | 'plannedTo') => (
    <RuDateInput
      label={label}
      value={v[key]}
      onChange={(x) => set({ [key]: x } as Partial<Values>)}
      error={err(key)}
      required
      clearable
    />
  );
  return (
    <EntryForm label={site ? 'Изменение объекта' : 'Новый объект образования ОСС'} editing={!!site} save={save} onCancel={onCancel} alertColor={conflict ? 'orange' : 'red'}>
      <TextInput label="Наименование" required value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} error={err('name')} maxLength={500} />
      <Textarea label="Адрес" required autosize minRows={1} value={v.address} onChange={(e) => set({ address: e.currentTarget.value })} error={err('address')} maxLength={1000} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Кадастровые номера
        </Text>
        {v.cadastralNumbers.map((n, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              aria-label={`Кадастровый номер ${i + 1}`}
              placeholder="77:01:0001001:1234"
              value={n}
              onChange={(e) => set({ cadastralNumbers: v.cadastralNumbers.map((x, j) => (j === i ? e.currentTarget.value : x)) })}
              error={err(`cadastralNumbers[${i}]`)}
              style={{ flex: 1 }}
              maxLength={40}
            />
            {v.cadastralNumbers.length > 1 && (
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Убрать кадастровый номер ${i + 1}`} onClick={() => set({ cadastralNumbers: v.cadastralNumbers.filter((_, j) => j !== i) })}>
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {err('cadastralNumbers') && !v.cadastralNumbers.some((_, i) => err(`cadastralNumbers[${i}]`)) && (
          <Text size="xs" c="red">
            {err('cadastralNumbers')}
          </Text>
        )}
        <Button variant="subtle" size="xs" w="fit-content" onClick={() => set({ cadastralNumbers: [...v.cadastralNumbers, ''] })}>
          + Ещё кадастровый номер
        </Button>
      </Stack>
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NativeSelect
            label="Вид работ"
            required
            data={[{ value: '', label: 'Выберите вид работ' }, ...Object.entries(WORKS_KIND_LABELS).map(([value, label]) => ({ value, label }))]}
            value={v.worksKind}
            onChange={(e) => set({ worksKind: e.currentTarget.value as WorksKind })}
            error={err('worksKind')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NativeSelect
            label="Разрешительный документ"
            required
            data={[{ value: '', label: 'Выберите вид документа' }, ...Object.entries(WORKS_DOCUMENT_LABELS).map(([value, label]) => ({ value, label }))]}
            value={v.worksDocumentKind}
            onChange={(e) => set({ worksDocumentKind: e.currentTarget.value as WorksDocumentKind })}
            error={err('worksDocumentKind')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Номер документа" required value={v.worksDocumentNumber} onChange={(e) => set({ worksDocumentNumber: e.currentTarget.value })} error={err('worksDocumentNumber')} maxLength={100} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>{date('Дата документа', 'worksDocumentDate')}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>{date('Плановое начало работ', 'plannedFrom')}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>{date('Плановое окончание работ', 'plannedTo')}</Grid.Col>
      </Grid>
    </EntryForm>
  );
}
