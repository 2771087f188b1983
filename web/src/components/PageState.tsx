/** Loading, error and empty states used by every page. */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Center, Loader, Pagination, Stack, Text, Title, Group } from '@mantine/core';
import { errorMessage } from '../api/client';
import { SupportContacts } from './Support';

export function Loading({ label = 'Загрузка…' }: { label?: string }) {
  return (
    <Center py="xl">
      <Group gap="sm">
        <Loader size="sm" aria-label={label} />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

export function ErrorAlert({ error, title = 'Не удалось загрузить данные' }: { error: unknown; title?: string }) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap={6}>
        <Text size="sm">{errorMessage(error)}</Text>
        <SupportContacts prefix="Если ошибка повторяется, обратитесь в службу поддержки" size="xs" />
      </Stack>
    </Alert>
  );
}

/** A cabinet address that leads nowhere (an old bookmark, a typo, a page of another role). */
export function NotFound() {
  return (
    <Stack gap="md" align="flex-start">
      <PageTitle>Страница не найдена</PageTitle>
      <Text>По этому адресу в кабинете ничего нет: ссылка могла устареть, в адресе могла быть опечатка, или страница доступна другой роли организации.</Text>
      <Button component={Link} to="/">
        На рабочий стол
      </Button>
      <SupportContacts prefix="Если вы пришли сюда по ссылке из кабинета, сообщите в службу поддержки" size="xs" />
    </Stack>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="md" ta="center">
      {children}
    </Text>
  );
}

export function PageTitle({ children, right, subtitle }: { children: ReactNode; right?: ReactNode; subtitle?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Title order={1} size="h2">
          {children}
        </Title>
        {subtitle && (
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        )}
      </Stack>
      {right}
    </Group>
  );
}

/** Page numbers under a list, when it has more than one page. */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
  label,
  inset = false,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
  label: string;
  /** Inside the list's card (padded) rather than under it. */
  inset?: boolean;
}) {
  if (total <= pageSize) return null;
  return (
    <Group justify="center" {...(inset ? { p: 'md' } : { mt: 'md' })}>
      <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={onChange} aria-label={label} />
    </Group>
  );
}
