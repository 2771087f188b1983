/**
 * The frame of a register's own list (sites, vehicles, receiving facilities): the title with «Внести …»
 * for those who may, the dialog with the entry form (its card opens once it is saved), the search
 * and the filter above the list.
 */
import { useState, type ComponentType, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Group, Modal, SegmentedControl, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { PageTitle } from '../../components/PageState';

export interface EntryFormProps {
  onCancel: () => void;
  onDone: (id: string) => void;
}

export function RegisterList({
  title,
  subtitle,
  canAdd,
  addLabel,
  dialogTitle,
  dialogSize,
  Form,
  cardPath,
  search,
  filter,
  children,
}: {
  title: string;
  subtitle: string;
  canAdd: boolean;
  addLabel: string;
  dialogTitle: string;
  dialogSize: 'lg' | 'xl';
  /** The entry form; `onDone(id)` opens `${cardPath}/${id}`. */
  Form: ComponentType<EntryFormProps>;
  cardPath: string;
  search: { placeholder: string; label: string; value: string; onChange: (value: string) => void };
  filter: { label: string; value: string; onChange: (value: string) => void; data: Array<{ value: string; label: string }> };
  children: ReactNode;
}) {
  const [creating, setCreating] = useState(false);
  const phone = useMediaQuery('(max-width: 600px)');
  const navigate = useNavigate();
  return (
    <>
      <PageTitle
        subtitle={subtitle}
        right={
          canAdd && (
            <Button size="sm" onClick={() => setCreating(true)}>
              {addLabel}
            </Button>
          )
        }
      >
        {title}
      </PageTitle>
      <Modal opened={creating} onClose={() => setCreating(false)} title={dialogTitle} size={dialogSize} fullScreen={phone}>
        <Form onCancel={() => setCreating(false)} onDone={(id) => navigate(`${cardPath}/${id}`)} />
      </Modal>
      <Group mb="sm" gap="sm" wrap="wrap">
        <TextInput placeholder={search.placeholder} aria-label={search.label} value={search.value} onChange={(e) => search.onChange(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        <SegmentedControl aria-label={filter.label} value={filter.value} onChange={filter.onChange} data={filter.data} />
      </Group>
      {children}
    </>
  );
}
