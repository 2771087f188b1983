/** The written step-by-step instruction (seed 001's «Посмотреть видеоинструкцию»). */
import { List, Stack, Text, Title } from '@mantine/core';
import { GIS_SIMULATOR_NOTICE, MEETING_STAGES } from '../../lib/shared';

export function InstructionPage() {
  return (
    <Stack gap="sm" component="article" aria-label="Инструкция">
      <Title order={2} size="h4">
        Как провести общее собрание собственников
      </Title>
      <Text size="sm">Собрание проходит шесть этапов. Каждый этап отмечается выполненным кнопкой «Этап выполнен»; следующий этап открывается после предыдущего. Вернуться к списку этапов можно ссылкой «← К списку этапов ОСС».</Text>
      <List type="ordered" spacing="xs" size="sm">
        {MEETING_STAGES.map((s) => (
          <List.Item key={s.key}>
            <Text fw={600} size="sm" span>
              {s.title}.
            </Text>{' '}
            {s.hint}
          </List.Item>
        ))}
      </List>
      <Title order={3} size="h5">
        Права доступа в ГИС ЖКХ
      </Title>
      <List type="ordered" spacing={4} size="sm">
        <List.Item>Войдите в личный кабинет организации на dom.gosuslugi.ru.</List.Item>
        <List.Item>Откройте вкладку «Администрирование» → «Предоставление прав доступа» → «Заявки».</List.Item>
        <List.Item>Нажмите «Выбор оператора ИС», найдите оператора системы и подтвердите кнопкой «Выбрать».</List.Item>
        <List.Item>В «Выбор видов информации» нажмите «Отметить все виды информации», затем «Выбрать», и отправьте заявку.</List.Item>
        <List.Item>Вернитесь на этап 6 и нажмите «Подтвердить».</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        {GIS_SIMULATOR_NOTICE}
      </Text>
    </Stack>
  );
}
