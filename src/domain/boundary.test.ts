import { describe, expect, it } from 'vitest';
import { checkBoundary, storedBoundary } from './boundary.js';

const ring = [[37.5, 55.7], [37.51, 55.7], [37.51, 55.71], [37.5, 55.71], [37.5, 55.7]];
const problems = (v: unknown) => {
  const r = checkBoundary(v);
  return 'problems' in r ? r.problems : [];
};

describe('boundaries (GeoJSON Polygon / MultiPolygon, WGS 84)', () => {
  it('accepts a Polygon, a MultiPolygon, a Feature and a FeatureCollection of one feature; altitudes dropped', () => {
    expect(checkBoundary({ type: 'Polygon', coordinates: [ring] })).toEqual({ boundary: { type: 'Polygon', coordinates: [ring] } });
    expect(checkBoundary({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toMatchObject({ boundary: { type: 'MultiPolygon' } });
    expect(checkBoundary({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring.map((p) => [...p, 150])] } })).toEqual({
      boundary: { type: 'Polygon', coordinates: [ring] },
    });
    expect(checkBoundary({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] } }] })).toMatchObject({ boundary: { type: 'Polygon' } });
  });

  it('names the field and says in Russian what is wrong', () => {
    expect(problems({ type: 'Point', coordinates: [37.5, 55.7] })).toEqual([{ field: 'boundary.type', message: expect.stringContaining('нужен Polygon или MultiPolygon') }]);
    expect(problems({ type: 'Polygon', coordinates: [ring.slice(0, 4)] })[0]).toMatchObject({ field: 'boundary.coordinates[0]', message: expect.stringContaining('не замкнут') });
    expect(problems({ type: 'Polygon', coordinates: [[[37.5, 55.7], [37.6, 55.7], [37.5, 55.7]]] })[0]!.message).toContain('не менее чем из 4 точек');
    expect(problems({ type: 'Polygon', coordinates: [ring.map(([lon, lat]) => [lat!, lon! + 100])] })[0]).toMatchObject({ field: 'boundary.coordinates[0][0]', message: expect.stringContaining('вне диапазона −90…90') });
    expect(problems({ type: 'Polygon', coordinates: [[[200, 55], [37, 55], [37, 56], [200, 55]]] })[0]!.message).toContain('долгота');
    expect(problems({ type: 'Polygon', coordinates: [[[37.5, '55.7'], [37.6, 55.7], [37.6, 55.8], [37.5, 55.7]]] })[0]!.message).toContain('парой чисел');
    expect(problems({ type: 'MultiPolygon', coordinates: [] })[0]!.message).toContain('нет ни одного');
    expect(problems({ type: 'FeatureCollection', features: [] })[0]).toMatchObject({ field: 'boundary.features' });
    expect(problems({ type: 'Feature', geometry: null })[0]).toMatchObject({ field: 'boundary.geometry', message: expect.stringContaining('нет геометрии') });
    expect(problems('x')[0]!.message).toMatch(/^Граница: /);
    expect(problems({ type: 'Polygon', coordinates: [Array.from({ length: 10_001 }, (_, i) => (i === 10_000 ? [37, 55] : [37 + i / 1e5, 55 + (i % 7) / 1e3]))] })[0]!.message).toContain('слишком много точек');
  });

  it('reads what is stored, and nothing of what is not a boundary', () => {
    expect(storedBoundary(JSON.stringify({ type: 'Polygon', coordinates: [ring] }))).toMatchObject({ type: 'Polygon' });
    expect(storedBoundary('{')).toBeNull();
    expect(storedBoundary({ type: 'Point', coordinates: [1, 2] })).toBeNull();
    expect(storedBoundary(null)).toBeNull();
  });
});
