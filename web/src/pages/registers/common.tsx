/** Pieces the register pages share: who may change the register, the link to an entry's card, the history of an entry, a labelled value, the dialog that takes an entry off the register with a reason, the card's «Изменить» and «Снять с учёта». */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { useAuth } from '../../auth';
import { FIELD_LABELS, REGISTER_ACTION_LABELS } from '../../lib/shared';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { Empty, ErrorAlert, Loading } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';

/** Whether the person may change the organization's registers (standard access: read and drafts only). */
export function useCanSubmit(): boolean {
  const { organization } = useAuth();
  return !!organization && !organization.suspended && !(organization.role === 'trusted' && organization.access === 'standard');
}

/** An entry's name in a register's list, opening its card. */
export function EntryLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} fw={500} size="sm">
      {children}
    </Anchor>
  );
}

export function Field({ label, children, span = 4 }: { label: string; children: ReactNode; span?: number }) {
  return (
    <Grid.Col span={{ base: 12, sm: span }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Grid.Col>
  );
}

export interface HistoryItem {
  id: number;
  at: string;
  action: string;
  version: number;
  personName: string | null;
  organizationName: string | null;
  reason: string | null;
  changes: Array<{ field: string; before?: unknown; after?: unknown }>;
}

const show = (v: unknown, labels?: Record<string, string>): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => show(x, labels)).join(', ') : '—';
  if (typeof v === 'string') {
    if (labels?.[v]) return labels[v];
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
    return v;
  }
  return String(v);
};

/** «История изменений»: who, when, what (field: before → after). */
export function RegisterHistory({ queryKey, load, valueLabels = {} }: { queryKey: unknown[]; load: () => Promise<{ items: HistoryItem[] }>; valueLabels?: Record<string, Record<string, string>> }) {
  const q = useQuery({ queryKey, queryFn: load });
  return (
    <Card component="section" aria-label="История изменений">
      <Title order={2} size="h4" mb="sm">
        История изменений
      </Title>
      {q.isPending && <Loading label="Загрузка истории…" />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && q.data.items.length === 0 && <Empty>Изменений нет</Empty>}
      {q.data && q.data.items.length > 0 && (
        <ListTable minWidth={640} aria-label="История изменений" columns={['Когда', 'Кто', 'Что']}>
          {q.data.items.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td className="ossig-nowrap">{fmtDateTime(h.at)}</Table.Td>
              <Table.Td>
                <Text size="sm">{h.personName ?? '—'}</Text>
                {h.organizationName && (
                  <Text size="xs" c="dimmed">
                    {h.organizationName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Badge variant="light" size="sm">
                    {(REGISTER_ACTION_LABELS as Record<string, string>)[h.action] ?? h.action}
                  </Badge>
                  {h.reason && <Text size="sm">Причина: {h.reason}</Text>}
                  {h.action !== 'created' &&
                    h.changes.map((c) => (
                      <Text size="sm" key={c.field}>
                        {(FIELD_LABELS as Record<string, string>)[c.field] ?? c.field}: {show(c.before, valueLabels[c.field])} → {show(c.after, valueLabels[c.field])}
                      </Text>
                    ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Card>
  );
}

/**
 * A confirmation that changes an entry's state with an optional reason (archive a site, release a vehicle,
 * suspend a facility): the consequence in words, the server's refusal shown as it says it, the lists
 * under `invalidate` refreshed on success.
 */
export function ReasonDialog({
  opened,
  onClose,
  title,
  consequence,
  confirmLabel,
  invalidate,
  run,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  consequence: string;
  confirmLabel: string;
  invalidate: unknown[];
  run: (reason: string | null) => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const qc = useQueryClient();
  const action = useMutation({
    mutationFn: () => run(reason.trim() || null),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: invalidate });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack gap="sm">
        <Text size="sm">{consequence}</Text>
        {action.error && (
          <Alert color="red" role="alert">
            {errorMessage(action.error)}
          </Alert>
        )}
        <Textarea label="Причина" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button color="red" loading={action.isPending} onClick={() => action.mutate()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * «Изменить» and «Снять с учёта» on an entry's card: the two buttons, the entry's form in a dialog (the whole
 * screen on a phone), and the dialog that takes the entry off the register with a reason.
 */
export function EntryActions({
  editTitle,
  editSize = 'lg',
  form,
  archive,
}: {
  editTitle: string;
  editSize?: string;
  form: (close: () => void) => ReactNode;
  archive: { title: string; consequence: string; invalidate: unknown[]; run: (reason: string | null) => Promise<unknown> };
}) {
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const phone = useMediaQuery('(max-width: 600px)');
  const close = () => setEditing(false);
  return (
    <>
      <Button variant="light" size="sm" onClick={() => setEditing(true)}>
        Изменить
      </Button>
      <Button variant="subtle" color="red" size="sm" onClick={() => setArchiving(true)}>
        Снять с учёта
      </Button>
      <Modal opened={editing} onClose={close} title={editTitle} size={editSize} fullScreen={phone}>
        {form(close)}
      </Modal>
      <ReasonDialog opened={archiving} onClose={() => setArchiving(false)} confirmLabel="Снять с учёта" {...archive} />
    </>
  );
}
