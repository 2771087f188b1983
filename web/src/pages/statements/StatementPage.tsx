/** A statement being generated (progress, the page may be closed) or ready (files). */
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useStatement } from './queries';
import { useTasks } from '../tasks/queries';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { StatementFiles } from './StatementFiles';
import { fmtDate, fmtDateTime, fmtInt, fmtPercent, STATEMENT_STATUS } from '../../lib/format';
import { TASK_KINDS } from '../../api/types';

export function StatementPage() {
  const { id = '' } = useParams();
  const st = useStatement(id);
  const ready = st.data?.status === 'ready';
  // The notification task appears when the document is ready.
  const tasks = useTasks('open', ready ? 3000 : undefined);
  const readyTask = tasks.data?.items.find((t) => t.kind === TASK_KINDS.statementReady && t.payload.statementId === id);

  if (st.isPending) return <Loading label="Загрузка сведений…" />;
  if (st.isError) return <ErrorAlert error={st.error} title="Не удалось открыть сведения" />;
  const s = st.data;
  const status = STATEMENT_STATUS[s.status] ?? { label: s.status, color: 'gray' };
  const progress = Math.max(0, Math.min(1, s.progress ?? 0));

  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        {s.siteId ? (
          <Anchor component={Link} to={`/sites/${s.siteId}?tab=statements`} size="sm">
            {s.siteName ?? 'Объект'}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/sites" size="sm">
            Объекты
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          Сведения {s.number ? `№ ${s.number}` : ''}
        </Text>
      </Breadcrumbs>
      <PageTitle
        subtitle={s.from && s.to ? `Период: ${fmtDate(s.from)} — ${fmtDate(s.to)}` : undefined}
        right={
          <Badge color={status.color} variant="light" size="lg">
            {status.label}
          </Badge>
        }
      >
        Сведения о результатах перемещения ОСС
      </PageTitle>

      <Card>
        {(s.status === 'queued' || s.status === 'running') && (
          <Stack gap="md" aria-live="polite">
            <Text fw={500}>{s.status === 'queued' ? 'Документ поставлен в очередь на формирование' : 'Документ формируется'}</Text>
            <Group gap="sm" wrap="nowrap">
              <Progress
                value={Math.max(progress * 100, 1)}
                size="xl"
                animated
                striped
                style={{ flex: 1 }}
                aria-label="Ход формирования"
              />
              <Text size="sm" fw={500} w={64} ta="right" aria-live="polite">
                {fmtPercent(progress)}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              Время формирования зависит от количества рейсов по разрешениям{s.tripCount ? ` (рейсов: ${fmtInt(s.tripCount)})` : ''}.
            </Text>
            <Alert color="blue" variant="light">
              Страницу можно закрыть. Когда документ будет сформирован, в разделе «Мои задачи» появится задача «Уведомление о сформированных
              сведениях о результатах перемещения ОСС».
            </Alert>
          </Stack>
        )}
        {s.status === 'ready' && (
          <Stack gap="md">
            <Text fw={500}>
              Сведения сформированы{s.number ? ` — № ${s.number}` : ''}
              {s.readyAt ? `, ${fmtDateTime(s.readyAt)}` : ''}.
            </Text>
            <Text size="sm" c="dimmed">
              Документ заверен электронной подписью информационного оператора АИС «ОССиГ». Файлы подписи (.sig) — открепленные подписи CAdES.
            </Text>
            <StatementFiles id={s.id} number={s.number} files={s.files} />
            <Group>
              {readyTask && (
                <Button component={Link} to={`/tasks/${readyTask.id}`}>
                  Открыть уведомление
                </Button>
              )}
              {s.siteId && (
                <Button component={Link} to={`/sites/${s.siteId}?tab=statements`} variant="light">
                  В карточку объекта
                </Button>
              )}
            </Group>
          </Stack>
        )}
        {s.status === 'failed' && (
          <Alert color="red" variant="light" title="Не удалось сформировать документ" role="alert">
            {s.error ?? 'Повторите формирование позже или обратитесь в службу поддержки.'}
          </Alert>
        )}
      </Card>
    </>
  );
}
