/** The frame of the public pages (sign-in, recovery, e-signature sign-in): a card in the middle, a way back. */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';

export function PublicFrame({
  title,
  subtitle,
  children,
  width = 560,
  back = true,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  width?: number;
  /** «← Вернуться ко входу по паролю» under the card's content (not on the sign-in page itself). */
  back?: boolean;
}) {
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={width} maw="100%">
        <Stack gap="md">
          <Stack gap={4}>
            <Text fw={700} c="ossig.8">
              ОССиГ
            </Text>
            <Title order={1} size="h3">
              {title}
            </Title>
            {subtitle && (
              <Text size="sm" c="dimmed">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
          {back && (
            <Anchor component={Link} to="/" size="sm">
              ← Вернуться ко входу по паролю
            </Anchor>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
