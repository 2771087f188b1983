/**
 * «Граница» on a site's or a facility object's card: the boundary trips from trackers are formed by,
 * drawn on the map (points clicked in turn, vertices dragged; a boundary of one contour can be edited the
 * same way) or imported from a GeoJSON file; the server checks it and answers what is wrong, naming the field.
 */
import { useState } from 'react';
import { Alert, Button, Card, FileButton, Group, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import { ErrorAlert, Loading } from '../../components/PageState';
import { TileMap, polygonsOf, type Geometry, type Shape } from '../../components/TileMap';

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
  const ringClosed = drawing && drawing.length >= 3 ? [...drawing, drawing[0]!] : null;
  /** A boundary of one contour without holes is edited vertex by vertex; any other is drawn anew. */
  const single = current?.type === 'Polygon' && current.coordinates.length === 1 ? current.coordinates[0]!.slice(0, -1) : null;
  const shapes: Shape[] = drawing
    ? [
        ...(ringClosed ? [{ kind: 'area' as const, geometry: { type: 'Polygon' as const, coordinates: [ringClosed] }, color: '#e8590c', label: 'Новая граница', className: 'map-area map-drawn' }] : []),
        ...(drawing.length === 2 ? [{ kind: 'line' as const, positions: drawing, color: '#e8590c', label: 'Новая граница', className: 'map-drawn' }] : []),
      ]
    : [{ kind: 'area', geometry: current, color: '#1c7ed6', label: b.name, className: 'map-area map-boundary' }];

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
        <Text size="sm" mb="sm">
          Щёлкайте по карте, обходя границу: каждая точка — вершина, контур замкнётся сам. Вершины можно перетаскивать; карту — двигать и приближать.
        </Text>
      )}
      <TileMap
        label={drawing ? `Рисование границы: вершин ${drawing.length}` : current ? `Граница объекта «${b.name}»` : 'Граница не задана'}
        fit={stored}
        shapes={shapes}
        onClick={drawing ? (lonLat) => setDrawing([...drawing, lonLat]) : undefined}
        vertices={drawing ?? undefined}
        onVertexMove={drawing ? (i, lonLat) => setDrawing(drawing.map((v, j) => (j === i ? lonLat : v))) : undefined}
      />
      {b.editable && (
        <Group gap="xs" mt="sm" wrap="wrap">
          {!drawing ? (
            <>
              {single && (
                <Button size="sm" variant="light" onClick={() => setDrawing(single)}>
                  Изменить
                </Button>
              )}
              <Button size="sm" variant={single ? 'default' : 'light'} onClick={() => setDrawing([])}>
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
