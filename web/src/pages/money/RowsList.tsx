/**
 * A list of rows: a table on a desktop, a card per row on a phone (so that a row's actions are always
 * in sight and nothing scrolls sideways).
 */
import type { ReactNode } from 'react';
import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ListTable } from '../../components/ListTable';

export interface Col<T> {
  label: string;
  num?: boolean;
  cell: (row: T) => ReactNode;
}

export function RowsList<T>({ rows, cols, rowKey, actions, label, minWidth = 720 }: { rows: T[]; cols: Col<T>[]; rowKey: (r: T) => string; actions?: (r: T) => ReactNode; label: string; minWidth?: number }) {
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) {
    return (
      <Stack gap="xs" aria-label={label}>
        {rows.map((r) => (
          <Card key={rowKey(r)} withBorder padding="sm" component="article">
            <Stack gap={4}>
              {cols.map((c, i) => (
                <Group key={i} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" c="dimmed" style={{ flex: '0 0 40%' }}>
                    {c.label}
                  </Text>
                  <div style={{ textAlign: 'right', minWidth: 0, overflowWrap: 'anywhere' }}>{c.cell(r)}</div>
                </Group>
              ))}
              {actions && (
                <Group gap="xs" mt={4}>
                  {actions(r)}
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }
  const columns = [...cols.map((c) => ({ label: c.label, num: c.num })), ...(actions ? [''] : [])];
  return (
    <ListTable columns={columns} minWidth={minWidth} striped aria-label={label}>
      {rows.map((r) => (
        <Table.Tr key={rowKey(r)}>
          {cols.map((c, i) => (
            <Table.Td key={i} className={c.num ? 'ossig-num' : undefined}>
              {c.cell(r)}
            </Table.Td>
          ))}
          {actions && (
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="flex-end">
                {actions(r)}
              </Group>
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </ListTable>
  );
}
