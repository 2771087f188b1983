/**
 * «Граница» on a site's or a facility object's card: the boundary trips from trackers are formed by,
 * drawn (points clicked on a plain map of the area; a tile server is not needed) or imported from a
 * GeoJSON file; the server checks it and answers what is wrong, naming the field.
 */
import { useState } from 'react';
import { Alert, Button, Card, FileButton, Group, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/PageState';
import { Area, GeoSvg, polygonsOf, viewOf, type Geometry, type View } from '../../components/GeoSvg';

/** Where the canvas opens when there is no boundary yet: the centre of Moscow. */
const DEFAULT_CENTRE = { lat: 55.7539, lon: 37.6208 };
const SPANS = { '0.5': 0.0025, '2': 0.01, '10': 0.05 } as const;
type Span = keyof typeof SPANS;

function around(c: { lat: number; lon: number }, half: number): View {
  const dLon = half / Math.cos((c.lat * Math.PI) / 180);
  return { minLat: c.lat - half, maxLat: c.lat + half, minLon: c.lon - dLon, maxLon: c.lon + dLon };
}

export function BoundaryCard({ entity, id, invalidate }: { entity: 'site' | 'facility'; id: string; invalidate: unknown[] }) {
  const qc = useQueryClient();
  const key = ['boundary', entity, id];
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      entity === 'site'
        ? call(api.GET('/api/sites/{id}/boundary', { params: { path: { id } } }))
        : call(api.GET('/api/facilities/{id}/boundary', { params: { path: { id } } })),
  });
  const [drawing, setDrawing] = useState<number[][] | null>(null);
  const [centre, setCentre] = useState(DEFAULT_CENTRE);
  const [span, setSpan] = useState<Span>('2');
  const save = useMutation({
    mutationFn: (boundary: unknown) =>
      entity === 'site'
        ? call(api.PUT('/api/sites/{id}/boundary', { params: { path: { id } }, body: { boundary: boundary as Record<string, never> | null } }))
        : call(api.PUT('/api/facilities/{id}/boundary', { params: { path: { id } }, body: { boundary: boundary as Record<string, never> | null } })),
    onSuccess: async () => {
      setDrawing(null);
      await Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: invalidate })]);
    },
  });
  const [fileError, setFileError] = useState<string | null>(null);
  const importFile = async (file: File | null) => {
    setFileError(null);
    if (!file) return;
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      setFileError(`Файл «${file.name}»: это не GeoJSON (не удалось прочитать JSON)`);
      return;
    }
    save.mutate(value);
  };

  if (q.isPending) return <Loading label="Загрузка границы…" />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const b = q.data;
  const current = b.boundary as Geometry | null;
  const stored = polygonsOf(current).flat(2);
  const view: View = drawing ? around(centre, SPANS[span]) : (viewOf(stored, 0.4) ?? around(centre, SPANS[span]));
  const ringClosed = drawing && drawing.length >= 3 ? [...drawing, drawing[0]!] : null;

  return (
    <Card component="section" aria-label="Граница объекта">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4">
          Граница
        </Title>
        <Text size="sm" c="dimmed">
          {current ? `${current.type === 'Polygon' ? 'многоугольник' : `многоугольников: ${current.coordinates.length}`}; вершин: ${stored.length - polygonsOf(current).reduce((n, p) => n + p.length, 0)}` : 'не задана'}
        </Text>
      </Group>
      <Text size="sm" mb="sm">
        По границе рейсы формируются из данных трекеров: погрузка — внутри границы объекта образования, подъём кузова — внутри границы объекта приёма.
      </Text>
      {(save.error || fileError) && (
        <Alert color="red" role="alert" mb="sm">
          {fileError ?? errorMessage(save.error)}
        </Alert>
      )}
      {drawing && (
        <Stack gap="xs" mb="sm">
          <Text size="sm">Щёлкайте по карте, обходя границу: каждая точка — вершина. Контур замкнётся сам.</Text>
          <Group gap="sm" wrap="wrap" align="flex-end">
            <NumberInput label="Широта центра" value={centre.lat} decimalScale={5} min={-85} max={85} step={0.001} onChange={(v) => typeof v === 'number' && setCentre({ ...centre, lat: v })} w={150} />
            <NumberInput label="Долгота центра" value={centre.lon} decimalScale={5} min={-180} max={180} step={0.001} onChange={(v) => typeof v === 'number' && setCentre({ ...centre, lon: v })} w={150} />
            <SegmentedControl
              aria-label="Масштаб"
              value={span}
              onChange={(v) => setSpan(v as Span)}
              data={[
                { value: '0.5', label: '0,5 км' },
                { value: '2', label: '2 км' },
                { value: '10', label: '10 км' },
              ]}
            />
          </Group>
        </Stack>
      )}
      <GeoSvg
        view={view}
        label={drawing ? `Рисование границы: вершин ${drawing.length}` : current ? `Граница объекта «${b.name}»` : 'Граница не задана'}
        onClick={drawing ? ([lon, lat]) => setDrawing([...drawing, [Number(lon.toFixed(6)), Number(lat.toFixed(6))]]) : undefined}
      >
        {(p) => (
          <>
            {!drawing && <Area p={p} geometry={current} color="#1c7ed6" label={b.name} />}
            {drawing && ringClosed && <Area p={p} geometry={{ type: 'Polygon', coordinates: [ringClosed] }} color="#e8590c" label="Новая граница" />}
            {drawing &&
              drawing.map(([lon, lat], i) => {
                const [x, y] = p.xy(lon!, lat!);
                return <circle key={i} cx={x} cy={y} r={5} fill="#e8590c" />;
              })}
          </>
        )}
      </GeoSvg>
      {b.editable && (
        <Group gap="xs" mt="sm" wrap="wrap">
          {!drawing ? (
            <>
              <Button
                size="sm"
                variant="light"
                onClick={() => {
                  const c = viewOf(stored, 0);
                  if (c) setCentre({ lat: Number(((c.minLat + c.maxLat) / 2).toFixed(5)), lon: Number(((c.minLon + c.maxLon) / 2).toFixed(5)) });
                  setDrawing([]);
                }}
              >
                {current ? 'Нарисовать заново' : 'Нарисовать'}
              </Button>
              <FileButton onChange={importFile} accept=".geojson,.json,application/geo+json,application/json">
                {(props) => (
                  <Button size="sm" variant="default" {...props} loading={save.isPending}>
                    Загрузить GeoJSON
                  </Button>
                )}
              </FileButton>
              {current && (
                <Button size="sm" variant="subtle" color="red" loading={save.isPending} onClick={() => save.mutate(null)}>
                  Убрать границу
                </Button>
              )}
            </>
          ) : (
            <>
              <Button size="sm" disabled={drawing.length < 3} loading={save.isPending} onClick={() => save.mutate({ type: 'Polygon', coordinates: [[...drawing, drawing[0]]] })}>
                Сохранить границу
              </Button>
              <Button size="sm" variant="default" disabled={drawing.length === 0} onClick={() => setDrawing(drawing.slice(0, -1))}>
                Убрать последнюю точку
              </Button>
              <Button size="sm" variant="subtle" onClick={() => setDrawing(null)}>
                Отмена
              </Button>
            </>
          )}
        </Group>
      )}
    </Card>
  );
}
