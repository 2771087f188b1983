/** An action on one row of a list (end a session, remove a person, accept an invitation): the mutation and its button. */
import type { ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../api/client';

export type RowAction = UseMutationResult<unknown, Error, string>;

/** Runs `action(id)`, says how it went in a notification and refreshes the queries of `refresh`. */
export function useRowAction(action: (id: string) => Promise<unknown>, o: { done: string; failed: string; refresh: QueryKey[] }): RowAction {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: o.done });
      for (const queryKey of o.refresh) void qc.invalidateQueries({ queryKey });
    },
    onError: (e) => notifications.show({ color: 'red', title: o.failed, message: errorMessage(e) }),
  });
}

/** The row's button: busy while the action runs for this row. */
export function RowActionButton({ action, id, children, ...props }: { action: RowAction; id: string; children: ReactNode; 'aria-label'?: string } & ButtonProps) {
  return (
    <Button size="xs" variant="light" color="red" {...props} loading={action.isPending && action.variables === id} onClick={() => action.mutate(id)}>
      {children}
    </Button>
  );
}
