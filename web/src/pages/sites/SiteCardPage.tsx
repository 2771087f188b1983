/** The site card: details, permits with utilization, trips, statements. */
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Anchor, Breadcrumbs, Card, Grid, Stack, Tabs, Text, Button } from '@mantine/core';
import { useSite } from './queries';
import { ErrorAlert, Loading, PageTitle, Empty } from '../../components/PageState';
import { PermitUtilization } from './PermitUtilization';
import { TripsTable } from './TripsTable';
import { SiteStatements } from './SiteStatements';
import { useAuth } from '../../auth';

const TABS = ['permits', 'trips', 'statements'] as const;
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
          hasRole('producer') && (
            <Button component={Link} to="/services" variant="light" size="sm">
              Сформировать сведения
            </Button>
          )
        }
      >
        {s.name}
      </PageTitle>

      <Card component="section" aria-label="Сведения об объекте" mb="lg">
        <Grid gutter="md">
          <Field label="Адрес" span={6}>
            {s.address}
          </Field>
          <Field label="Кадастровый номер" span={3}>
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
        </Grid>
      </Card>

      <Tabs value={tab} onChange={(v) => setSearch(v && v !== 'permits' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="permits">Разрешения</Tabs.Tab>
          <Tabs.Tab value="trips">Рейсы</Tabs.Tab>
          <Tabs.Tab value="statements">Сведения о результатах перемещения ОСС</Tabs.Tab>
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
      </Tabs>
    </>
  );
}

function Field({ label, children, span }: { label: string; children: React.ReactNode; span: number }) {
  return (
    <Grid.Col span={{ base: 12, sm: span }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Grid.Col>
  );
}
