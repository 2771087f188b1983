/** The written step-by-step instruction (seed 001's «Посмотреть видеоинструкцию»). */
import { List, Stack, Text, Title } from '@mantine/core';
import { GIS_SIMULATOR_NOTICE, MEETING_STAGES, VOTE_IMPORT_RULES } from '../../lib/shared';

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
        Подсчёт голосов из файла
      </Title>
      <List type="ordered" spacing={4} size="sm">
        <List.Item>На этапе 4 нажмите «Скачать файл решений»: в нём каждый собственник из реестра — строка (номер помещения и собственник, как в бюллетене), каждый вопрос повестки дня — столбец «Вопрос N»; вопросы и правила принятия решений — на листе «Повестка дня».</List.Item>
        <List.Item>Впишите с бумажных бюллетеней «за», «против» или «воздержался» (регистр не важен). Ячейку вопроса, где на бюллетене нет отметки или отмечено несколько вариантов, оставьте пустой.</List.Item>
        <List.Item>Нажмите «Загрузить решения» и выберите файл (XLSX или CSV). Под кнопкой — сколько решений внесено, заменено, осталось без изменений и отклонено, с причиной по каждой отклонённой строке; «Скачать файл результата» — все строки с результатом и причиной.</List.Item>
        <List.Item>{VOTE_IMPORT_RULES} Строки, где собственник указан дважды, отклоняются обе.</List.Item>
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
