/** An application: its stages, status and «Подробнее» (reasons, what is asked), the details, files, thread and history. */
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { Application } from '../../api/types';
import { useAuth } from '../../auth';
import { ErrorAlert, Loading } from '../../components/PageState';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { useApplication } from './queries';
import { KIND_LABEL, StatusBadge } from './status';
import { DraftForm } from './DraftForm';
import { Files } from './Files';
import { Thread } from './Thread';
import { History } from './History';
import { Stages } from './Stages';
import { ApplicantActions } from './Actions';
import { OperatorPanel } from './OperatorPanel';

const TABS = ['details', 'files', 'thread', 'history'] as const;
type Tab = (typeof TABS)[number];

export function ApplicationPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const app = useApplication(id);
  const { hasRole, organization } = useAuth();
  const operator = hasRole('operator');
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'details';
  if (app.isPending) return <Loading label="Загрузка заявления…" />;
  if (app.isError) return <ErrorAlert error={app.error} title="Не удалось открыть заявление" />;
  const a = app.data;
  const canWrite = !(organization?.role === 'trusted' && organization.access === 'standard');
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        {operator ? (
          <Anchor component={Link} to="/operator/applications" size="sm">
            Очередь заявлений
          </Anchor>
        ) : (
          <Anchor component={Link} to="/applications" size="sm">
            Мои заявки
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          № {a.number}
        </Text>
      </Breadcrumbs>
      <Stack gap={6} mb="lg">
        <Title order={1} size="h2">
          Заявление № {a.number}
        </Title>
        <Group gap="xs" wrap="wrap">
          <StatusBadge status={a.status} size="lg" />
          <Text c="dimmed" size="sm">
            {KIND_LABEL[a.kind]}
            {a.permit ? ` № ${a.permit.number}` : ''} · {a.organization.name}
            {a.submittedAt ? ` · подано ${fmtDateTime(a.submittedAt)}` : ` · создано ${fmtDateTime(a.createdAt)}`}
          </Text>
        </Group>
      </Stack>
      <StatusDetails app={a} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Tabs value={tab} onChange={(v) => setSearch(v && v !== 'details' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="details">Сведения</Tabs.Tab>
              <Tabs.Tab value="files">Документы ({a.files.length})</Tabs.Tab>
              <Tabs.Tab value="thread" rightSection={a.unread > 0 ? <Badge size="xs" color="red">{a.unread}</Badge> : undefined}>
                Переписка
              </Tabs.Tab>
              <Tabs.Tab value="history">История</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="details">
              <DraftForm key={a.id} app={a} />
            </Tabs.Panel>
            <Tabs.Panel value="files">
              <Files app={a} />
            </Tabs.Panel>
            <Tabs.Panel value="thread">
              <Thread app={a} canWrite={canWrite} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <History id={a.id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <Stages app={a} />
            {operator ? <OperatorPanel app={a} /> : <ApplicantActions app={a} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** «Подробнее»: what the status means for this application — the review term, what is asked, the reason of a refusal, the permit. */
function StatusDetails({ app: a }: { app: Application }) {
  if (a.status === 'submitted' && a.review) {
    return (
      <Alert color={a.review.overdue ? 'red' : 'blue'} variant="light" mb="md" title="На рассмотрении">
        Заявление рассматривает информационный оператор{a.assignee ? ` (специалист: ${a.assignee.name})` : ''}. Срок рассмотрения — {a.review.days} рабочих дней, до{' '}
        {fmtDate(a.review.dueOn)} включительно{a.review.overdue ? ' — срок истёк' : ''}.
      </Alert>
    );
  }
  if (a.status === 'needs_info' && a.infoRequest) {
    return (
      <Alert color="orange" variant="light" mb="md" title={`Требуется дополнение${a.infoRequest.dueOn ? ` до ${fmtDate(a.infoRequest.dueOn)}` : ''}`} role="status">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.infoRequest.text}
        </Text>
        <Text size="xs" mt={6}>
          Внесите изменения, приложите документы или ответьте в переписке, затем нажмите «Подать повторно».
          {a.infoRequest.overdue ? ' Срок дополнения истёк.' : ''}
        </Text>
      </Alert>
    );
  }
  if (a.status === 'rejected' && a.decision) {
    return (
      <Alert color="red" variant="light" mb="md" title="Отклонено" role="status">
        <Text size="sm">Основание: {a.decision.reasonText}</Text>
        {a.decision.comment && <Text size="sm">Пояснение: {a.decision.comment}</Text>}
        <Text size="xs" mt={4}>
          Решение принято {fmtDateTime(a.decision.at)}
          {a.decision.by ? `, ${a.decision.by}` : ''}.
        </Text>
      </Alert>
    );
  }
  if (a.status === 'approved' && a.permit) {
    return (
      <Alert color="teal" variant="light" mb="md" title={a.kind === 'amendment' ? 'Изменения внесены' : 'Разрешение выдано'} role="status">
        <Text size="sm">
          Разрешение № {a.permit.number}
          {a.issuedVersion && a.issuedVersion > 1 ? `, версия ${a.issuedVersion}` : ''} действует с {fmtDate(a.permit.validFrom)} по {fmtDate(a.permit.validTo)}.
        </Text>
        {a.decision?.comment && <Text size="sm">Комментарий оператора: {a.decision.comment}</Text>}
        <Button component={Link} to={`/permits/${a.permit.id}`} size="xs" mt="xs" variant="light" color="teal">
          Открыть разрешение
        </Button>
      </Alert>
    );
  }
  if (a.status === 'withdrawn') {
    return (
      <Alert color="gray" variant="light" mb="md" title="Отозвано заявителем">
        Заявление отозвано и не рассматривается.
      </Alert>
    );
  }
  return null;
}
