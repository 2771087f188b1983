/** A trip seen on a truck's track: what became of it, and its route on a plain map with the site's and the facility's boundaries. */
import { Link, useParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { Area, GeoSvg, polygonsOf, viewOf } from '../../components/GeoSvg';
import { fmtDateTime } from '../../lib/format';
import { Field } from '../registers/common';
import { OutcomeBadge } from './labels';

const SITE_COLOR = '#1c7ed6';
const FACILITY_COLOR = '#2f9e44';
const TRACK_COLOR = '#c2255c';

export function DetectionPage() {
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['telemetry', 'detection', id],
    queryFn: () => call(api.GET('/api/telemetry/detections/{id}', { params: { path: { id: Number(id) } } })),
    enabled: /^\d+$/.test(id),
  });
  if (!/^\d+$/.test(id)) return <ErrorAlert error={new Error('Рейс по данным трекера не найден')} />;
  if (q.isPending) return <Loading label="Загрузка трека…" />;
  if (q.isError) return <ErrorAlert error={q.error} title="Не удалось открыть рейс по данным трекера" />;
  const d = q.data;
  const positions = [
    ...d.track.map((p) => [p.longitude, p.latitude]),
    ...polygonsOf(d.siteBoundary).flat(2),
    ...polygonsOf(d.facilityBoundary).flat(2),
    [d.unloadLongitude, d.unloadLatitude],
  ];
  const view = viewOf(positions);
  const raised = d.track.filter((p) => p.bodyRaised === true);
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to="/telemetry" size="sm">
          Трекеры
        </Anchor>
        <Text size="sm" c="dimmed">
          Рейс № {d.id}
        </Text>
      </Breadcrumbs>
      <PageTitle subtitle={`${d.plate}: ${d.siteName} → ${d.facilityName ?? 'вне объектов приёма'}`} right={<OutcomeBadge d={d} />}>
        Рейс по данным трекера № {d.id}
      </PageTitle>
      {d.reasons.length > 0 && (
        <Alert color={d.openReviews > 0 ? 'orange' : 'gray'} mb="md" title={d.openReviews > 0 ? 'На проверке у оператора' : 'Проверка закрыта'}>
          <Stack gap={4}>
            {d.reasons.map((r, i) => (
              <Text key={i} size="sm">
                {r}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Card component="section" aria-label="Сведения о рейсе" mb="lg">
        <Grid gutter="md">
          <Field label="Транспортное средство">{d.plate}</Field>
          <Field label="Перевозчик">{d.carrierName}</Field>
          <Field label="Пробег, км">{d.distanceKm === null ? '—' : d.distanceKm.toLocaleString('ru-RU')}</Field>
          <Field label="Погрузка: выезд с объекта образования">
            {fmtDateTime(d.loadedAt)}, {d.siteName}
          </Field>
          <Field label="Подъём кузова">
            {fmtDateTime(d.unloadedAt)}, {d.facilityName ?? `вне объектов приёма (${d.unloadLatitude.toFixed(5)}, ${d.unloadLongitude.toFixed(5)})`}
          </Field>
          <Field label="Рейс в системе">
            {d.tripId === null ? 'не сформирован' : d.tripSource === 'telemetry' ? `№ ${d.tripId}, сформирован по данным трекера` : `№ ${d.tripId}, заявлен перевозчиком — подтверждён треком`}
          </Field>
        </Grid>
      </Card>
      <Card component="section" aria-label="Маршрут на карте">
        <Title order={2} size="h4" mb="sm">
          Маршрут
        </Title>
        {view ? (
          <GeoSvg view={view} label={`Маршрут ${d.plate}: ${d.track.length} точек трека, границы объекта образования и объекта приёма`}>
            {(p) => (
              <>
                <Area p={p} geometry={d.siteBoundary} color={SITE_COLOR} label={`Объект образования: ${d.siteName}`} />
                <Area p={p} geometry={d.facilityBoundary} color={FACILITY_COLOR} label={`Объект приёма: ${d.facilityName ?? ''}`} />
                <polyline
                  points={d.track.map((t) => p.xy(t.longitude, t.latitude).map((n) => n.toFixed(1)).join(',')).join(' ')}
                  fill="none"
                  stroke={TRACK_COLOR}
                  strokeWidth={2.5}
                  strokeLinejoin="round"
                />
                {raised.map((t, i) => {
                  const [x, y] = p.xy(t.longitude, t.latitude);
                  return <circle key={i} cx={x} cy={y} r={6} fill="#f08c00" stroke="#fff" strokeWidth={1.5} />;
                })}
                {(() => {
                  const [x, y] = p.xy(d.unloadLongitude, d.unloadLatitude);
                  return <circle cx={x} cy={y} r={8} fill="none" stroke="#e8590c" strokeWidth={3} />;
                })()}
              </>
            )}
          </GeoSvg>
        ) : (
          <Text size="sm" c="dimmed">
            Точек трека нет
          </Text>
        )}
        <Group gap="lg" mt="xs" wrap="wrap">
          <Legend color={SITE_COLOR}>объект образования</Legend>
          <Legend color={FACILITY_COLOR}>объект приёма</Legend>
          <Legend color={TRACK_COLOR}>трек</Legend>
          <Legend color="#f08c00">кузов поднят</Legend>
        </Group>
      </Card>
    </>
  );
}

function Legend({ color, children }: { color: string; children: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: color }} />
      <Text size="xs">{children}</Text>
    </Group>
  );
}
