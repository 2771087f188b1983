/**
 * The form of a register entry (site, vehicle, receiving facility): saving it (POST when new, PATCH with the
 * version when editing), the server's message that names no field above the fields, «Отмена» and the save
 * button below them. Messages that name a field are shown under that field (`err`).
 */
import type { ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldError } from '../../api/client';
import { FormError } from '../../components/forms';

/** Saves the entry, refreshes the lists under `listKey`, then `onDone(id)`. */
export function useEntrySave<R extends { id: string }>(listKey: string, mutationFn: () => Promise<R>, onDone: (id: string) => void) {
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn,
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: [listKey] });
      onDone(r.id);
    },
  });
  return { save, err: (field: string) => fieldError(save.error, field) };
}

export function EntryForm({
  label,
  editing,
  save,
  onCancel,
  alertColor = 'red',
  children,
}: {
  label: string;
  editing: boolean;
  save: { mutate: () => void; isPending: boolean; error: unknown };
  onCancel: () => void;
  alertColor?: string;
  children: ReactNode;
}) {
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <FormError error={save.error} color={alertColor} />
        {children}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Отмена
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? 'Сохранить изменения' : 'Внести в реестр'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
