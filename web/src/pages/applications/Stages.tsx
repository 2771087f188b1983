/** The application's stages as a checklist with done marks (the staged style of seed 001). */
import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Application } from '../../api/types';

export function Stages({ app }: { app: Application }) {
  return (
    <Card component="section" aria-label="Этапы">
      <Title order={2} size="h5" mb="sm">
        Этапы
      </Title>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {app.stages.map((s) => (
          <Group key={s.key} component="li" gap="sm" wrap="nowrap" align="flex-start" data-stage={s.key} data-done={s.done ? 'true' : 'false'}>
            <ThemeIcon radius="xl" size={22} color={s.done ? 'teal' : s.current ? 'blue' : 'gray'} variant={s.done ? 'filled' : 'light'} aria-hidden>
              <Text size="xs" fw={700} c={s.done ? 'white' : undefined}>
                {s.done ? '✓' : ''}
              </Text>
            </ThemeIcon>
            <Stack gap={0}>
              <Text size="sm" fw={s.current ? 600 : 400}>
                {s.title}
                <span className="visually-hidden">{s.done ? ' — выполнено' : s.current ? ' — текущий этап' : ''}</span>
              </Text>
              {s.note && (
                <Text size="xs" c="dimmed">
                  {s.note}
                </Text>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
