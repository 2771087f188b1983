/** The application's history: who, when, what changed. */
import { Card, Stack, Text, Timeline, Title } from '@mantine/core';
import { ErrorAlert, Loading } from '../../components/PageState';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { useHistory } from './queries';
import { STATUS } from './status';
import type { ApplicationStatus } from '../../api/types';

const show = (v: string | null) => (v === null ? '—' : /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v.replace(/^\[|\]$/g, '').replace(/","/g, '; ').replace(/"/g, ''));

export function History({ id }: { id: string }) {
  const h = useHistory(id);
  return (
    <Card component="section" aria-label="История">
      <Title order={2} size="h4" mb="sm">
        История
      </Title>
      {h.isPending && <Loading />}
      {h.isError && <ErrorAlert error={h.error} />}
      {h.data && (
        <Timeline bulletSize={12} lineWidth={2}>
          {h.data.items.map((e) => (
            <Timeline.Item key={e.id} title={e.actionLabel}>
              <Text size="xs" c="dimmed">
                {fmtDateTime(e.at)} · {e.who ?? 'система'}
                {e.organization ? `, ${e.organization}` : ''}
              </Text>
              {e.toStatus && e.fromStatus && (
                <Text size="xs">
                  {STATUS[e.fromStatus as ApplicationStatus]?.label} → {STATUS[e.toStatus as ApplicationStatus]?.label}
                </Text>
              )}
              {e.changes.length > 0 && (
                <Stack gap={2} mt={2}>
                  {e.changes.map((c) => (
                    <Text key={c.field} size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {c.label}: {show(c.before)} → {show(c.after)}
                    </Text>
                  ))}
                </Stack>
              )}
              {e.comment && (
                <Text size="xs" mt={2} style={{ overflowWrap: 'anywhere' }}>
                  {e.comment}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
