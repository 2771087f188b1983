/**
 * Simple charts drawn as SVG by us (no chart library): vertical bars by month (two parts stacked) and
 * horizontal bars by category. Each is an image with a text alternative; its table is shown beside it.
 */
import { Group, Stack, Text } from '@mantine/core';

const C1 = '#1c7ed6';
const C2 = '#a5d8ff';

export interface MonthBar {
  label: string;
  /** The lower (dark) part and the upper (light) part. */
  a: number;
  b: number;
}

export function MonthBars({ bars, title, legend }: { bars: MonthBar[]; title: string; legend: [string, string] }) {
  const W = 720;
  const H = 220;
  const pad = { l: 8, r: 8, t: 12, b: 36 };
  const max = Math.max(1, ...bars.map((x) => x.a + x.b));
  const step = (W - pad.l - pad.r) / Math.max(1, bars.length);
  const bw = Math.max(4, step * 0.7);
  const y = (v: number) => ((H - pad.t - pad.b) * v) / max;
  const every = Math.ceil(bars.length / 12);
  return (
    <Stack gap={4}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title} style={{ maxHeight: 260, display: 'block' }}>
        <title>{title}</title>
        <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} stroke="#868e96" />
        {bars.map((x, i) => {
          const cx = pad.l + step * i + (step - bw) / 2;
          const ha = y(x.a);
          const hb = y(x.b);
          return (
            <g key={x.label}>
              <rect x={cx} y={H - pad.b - ha} width={bw} height={ha} fill={C1}>
                <title>{`${x.label}: ${legend[0]} ${x.a.toLocaleString('ru-RU', { maximumFractionDigits: 2 })}`}</title>
              </rect>
              <rect x={cx} y={H - pad.b - ha - hb} width={bw} height={hb} fill={C2}>
                <title>{`${x.label}: ${legend[1]} ${x.b.toLocaleString('ru-RU', { maximumFractionDigits: 2 })}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={cx + bw / 2} y={H - pad.b + 16} fontSize="12" textAnchor="middle" fill="#495057">
                  {x.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Group gap="md">
        <Legend color={C1} label={legend[0]} />
        <Legend color={C2} label={legend[1]} />
      </Group>
    </Stack>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6}>
      <svg width="12" height="12" aria-hidden="true">
        <rect width="12" height="12" fill={color} />
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** Horizontal bars: a label above each bar, the value at its end. */
export function RowBars({ rows, title, unit }: { rows: { label: string; value: number }[]; title: string; unit: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Stack gap={6} role="img" aria-label={title}>
      {rows.map((r) => (
        <div key={r.label}>
          <Text size="xs" truncate="end" title={r.label}>
            {r.label}
          </Text>
          <Group gap={6} wrap="nowrap">
            <svg height="12" width="100%" preserveAspectRatio="none" viewBox="0 0 100 12" aria-hidden="true" style={{ flex: 1 }}>
              <rect width={(100 * r.value) / max} height="12" fill={C1} />
            </svg>
            <Text size="xs" w={110} ta="right" style={{ flex: 'none' }}>
              {r.value.toLocaleString('ru-RU', { maximumFractionDigits: 2 })} {unit}
            </Text>
          </Group>
        </div>
      ))}
    </Stack>
  );
}
