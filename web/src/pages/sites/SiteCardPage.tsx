/** The site card: details, permits with utilization, trips, statements. */
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Breadcrumbs, Card, Grid, Group, Stack, Tabs, Text, Button } from '@mantine/core';
import { api, call } from '../../api/client';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { WORKS_DOCUMENT_LABELS, WORKS_KIND_LABELS } from '../../lib/shared';
import { EntryActions, Field, RegisterHistory } from '../registers/common';
import { SiteForm } from './SiteForm';
import { useSite } from './queries';
import { ErrorAlert, Loading, PageTitle, Empty } from '../../components/PageState';
import { PermitUtilization } from './PermitUtilization';
import { TripsTable } from './TripsTable';
import { SiteStatements } from './SiteStatements';
import { BoundaryCard } from '../telemetry/BoundaryCard';
import { useAuth } from '../../auth';

const TABS = ['permits', 'trips', 'statements', 'boundary', 'history'] as const;
type Tab = (typeof TABS)[number];

export function SiteCardPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const site = useSite(id);
  const { hasRole } = useAuth();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'permits';

  if (site.isPending) return <Loading label="Загрузка объекта…" />;
  if (site.isError) return <ErrorAlert error={site.error} title="Не удалось открыть объект" />;
  const s = site.data;

  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to="/sites" size="sm">
          Объекты
        </Anchor>
        <Text size="sm" c="dimmed" truncate="end" maw={480}>
          {s.name}
        </Text>
      </Breadcrumbs>
      <PageTitle
        subtitle="Карточка объекта образования ОСС"
        right={
          <Group gap="xs">
            {s.editable && (
              <EntryActions
                editTitle="Изменение объекта"
                form={(close) => <SiteForm site={s} onCancel={close} onDone={close} />}
                archive={{
                  title: 'Снять объект с учёта',
                  consequence: 'Объект перейдёт в архив: изменить его и подать по нему заявление будет нельзя. История сохранится.',
                  invalidate: ['sites'],
                  run: (reason) => call(api.POST('/api/sites/{id}/archive', { params: { path: { id: s.id } }, body: { version: s.version, reason } })),
                }}
              />
            )}
            {hasRole('producer') && !s.archivedAt && (
              <Button component={Link} to="/services" variant="light" size="sm">
                Сформировать сведения
              </Button>
            )}
          </Group>
        }
      >
        {s.name}
      </PageTitle>
      {s.archivedAt && (
        <Alert color="gray" mb="md" role="status">
          Объект снят с учёта {fmtDateTime(s.archivedAt)}
        </Alert>
      )}
      <Card component="section" aria-label="Сведения об объекте" mb="lg">
        <Grid gutter="md">
          <Field label="Адрес" span={6}>
            {s.address}
          </Field>
          <Field label="Кадастровые номера" span={3}>
            {s.cadastralNumbers.join(', ') || '—'}
          </Field>
          <Field label="Разрешений" span={3}>
            {s.permits.length.toLocaleString('ru-RU')}
          </Field>
          <Field label="Отходопроизводитель" span={6}>
            {s.producerName}
          </Field>
          <Field label="ИНН" span={3}>
            {s.producerInn}
          </Field>
          <Field label="ОГРН" span={3}>
            {s.producerOgrn ?? '—'}
          </Field>
          <Field label="Вид работ" span={3}>
            {WORKS_KIND_LABELS[s.worksKind as keyof typeof WORKS_KIND_LABELS] ?? s.worksKind}
          </Field>
          <Field label="Разрешительный документ" span={6}>
            {s.worksDocumentKind
              ? `${WORKS_DOCUMENT_LABELS[s.worksDocumentKind as keyof typeof WORKS_DOCUMENT_LABELS]} № ${s.worksDocumentNumber ?? '—'} от ${fmtDate(s.worksDocumentDate)}`
              : '—'}
          </Field>
          <Field label="Плановые сроки работ" span={3}>
            {s.plannedFrom ? `${fmtDate(s.plannedFrom)} — ${fmtDate(s.plannedTo)}` : '—'}
          </Field>
          <Field label="Версия записи" span={3}>
            <Badge variant="light">{s.version}</Badge>
          </Field>
        </Grid>
      </Card>

      <Tabs value={tab} onChange={(v) => setSearch(v && v !== 'permits' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="permits">Разрешения</Tabs.Tab>
          <Tabs.Tab value="trips">Рейсы</Tabs.Tab>
          <Tabs.Tab value="statements">Сведения о результатах перемещения ОСС</Tabs.Tab>
          <Tabs.Tab value="boundary">Граница</Tabs.Tab>
          {(hasRole('producer') || hasRole('operator')) && <Tabs.Tab value="history">История изменений</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="permits">
          <Stack gap="md">
            {s.permits.length === 0 && (
              <Card>
                <Empty>Разрешений на перемещение ОСС по объекту нет</Empty>
              </Card>
            )}
            {s.permits.map((p) => (
              <PermitUtilization key={p.id} permitId={p.id} />
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="trips">
          <TripsTable siteId={s.id} permits={s.permits} />
        </Tabs.Panel>
        <Tabs.Panel value="statements">
          <SiteStatements siteId={s.id} />
        </Tabs.Panel>
        <Tabs.Panel value="boundary">
          <BoundaryCard entity="site" id={s.id} invalidate={['sites']} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <RegisterHistory
            queryKey={['sites', 'history', s.id, s.version]}
            load={() => call(api.GET('/api/sites/{id}/history', { params: { path: { id: s.id } } }))}
            valueLabels={{ worksKind: WORKS_KIND_LABELS, worksDocumentKind: WORKS_DOCUMENT_LABELS }}
          />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
