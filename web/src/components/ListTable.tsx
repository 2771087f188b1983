/** A table of rows under a row of column headings, scrolling sideways on narrow screens (`minWidth`). */
import type { ReactNode } from 'react';
import { Table, type TableProps } from '@mantine/core';

/** A column heading: its text, or the text with `num` (right-aligned numbers), a width or a hint. */
export type Column = ReactNode | { label: ReactNode; num?: boolean; w?: number; title?: string };

const isSpec = (c: Column): c is { label: ReactNode; num?: boolean; w?: number; title?: string } =>
  typeof c === 'object' && c !== null && 'label' in c;

export function ListTable({ columns, minWidth, children, ...table }: { columns: readonly Column[]; minWidth?: number; children: ReactNode } & TableProps) {
  const content = (
    <Table {...table}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c, i) =>
            isSpec(c) ? (
              <Table.Th key={i} className={c.num ? 'ossig-num' : undefined} w={c.w} title={c.title}>
                {c.label}
              </Table.Th>
            ) : (
              <Table.Th key={i}>{c}</Table.Th>
            ),
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{content}</Table.ScrollContainer> : content;
}
