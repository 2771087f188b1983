/** Stages 3–6: ballots, counting, the protocol and the upload to ГИС ЖКХ. */
import { Card, Stack, Text } from '@mantine/core';
import type { Meeting } from './queries';

export function BallotsStage({ m }: { m: Meeting }) {
  return (
    <Card withBorder component="section" aria-label="Бюллетени">
      <Stack gap="xs">
        <Text size="sm">Бюллетень (решение собственника) на каждого собственника из реестра: его помещения, доля, число голосов и вопросы повестки дня.</Text>
        <Text size="sm">Бюллетени в PDF система пока не формирует: подготовьте их по реестру собственников ({m.number}).</Text>
      </Stack>
    </Card>
  );
}

export function CountingStage(_: { m: Meeting }) {
  return <Text size="sm">Подсчёт голосов будет доступен здесь.</Text>;
}

export function ProtocolStage(_: { m: Meeting }) {
  return <Text size="sm">Формирование протокола будет доступно здесь.</Text>;
}

export function GisStage(_: { m: Meeting }) {
  return <Text size="sm">Загрузка протокола в ГИС ЖКХ будет доступна здесь.</Text>;
}
