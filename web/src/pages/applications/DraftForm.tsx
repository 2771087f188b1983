/**
 * The application's details, edited in place and saved as typed, one field
 * group at a time (general, lines, carriers), each with its own save state.
 * Read-only when the application is not editable.
 */
import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, MultiSelect, NativeSelect, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ListTable } from '../../components/ListTable';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Application } from '../../api/types';
import { fmtDate, fmtDecimal } from '../../lib/format';
import { RuDateInput } from '../../components/forms';
import { useAutosave, type Autosave, type SaveStatus } from './useAutosave';
import { useFacilityOptions, useFkko, useReference } from './queries';
import { Field } from '../registers/common';

interface General {
  siteId: string | null;
  worksFrom: string | null;
  worksTo: string | null;
  district: string | null;
  comment: string | null;
}
interface Line {
  wasteCode: string | null;
  volume: string | null;
  mass: string | null;
  facilityObjectIds: string[];
}
interface CarrierRow {
  inn: string;
  inviteEmail: string | null;
}

const readGeneral = (a: Application): General => ({ siteId: a.site?.id ?? null, worksFrom: a.worksFrom, worksTo: a.worksTo, district: a.district, comment: a.comment });
const readLines = (a: Application): Line[] =>
  a.lines.map((l) => ({ wasteCode: l.wasteCode, volume: l.volume, mass: l.mass, facilityObjectIds: l.facilities.map((f) => f.id) }));
const readCarriers = (a: Application): CarrierRow[] => a.carriers.map((c) => ({ inn: c.inn, inviteEmail: c.inviteEmail }));

export function SaveState({ status, label }: { status: SaveStatus; label: string }) {
  const text: Record<SaveStatus, string> = { saved: 'Сохранено', pending: 'Изменено…', saving: 'Сохранение…', error: 'Не сохранено', conflict: 'Конфликт изменений' };
  const color: Record<SaveStatus, string> = { saved: 'teal', pending: 'gray', saving: 'blue', error: 'red', conflict: 'orange' };
  return (
    <Badge variant="light" color={color[status]} leftSection={status === 'saving' ? <Loader size={10} /> : undefined} aria-live="polite" data-testid={`save-${label}`} data-status={status}>
      {text[status]}
    </Badge>
  );
}

function Conflict<T>({ s, describe }: { s: Autosave<T>; describe: (v: T) => string }) {
  if (s.status !== 'conflict' || s.conflict === null) return null;
  return (
    <Alert color="orange" variant="light" title="Эти сведения уже изменены в другом окне или другим пользователем" role="alert" mb="sm">
      <Stack gap="xs">
        <Text size="sm">Сохранено: {describe(s.conflict)}</Text>
        <Text size="sm">Ваш вариант: {describe(s.value)}</Text>
        <Group gap="xs">
          <Button size="xs" onClick={() => s.resolve(true)}>
            Сохранить мой вариант
          </Button>
          <Button size="xs" variant="default" onClick={() => s.resolve(false)}>
            Оставить сохранённый
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function SaveError<T>({ s }: { s: Autosave<T> }) {
  if (s.status !== 'error' || !s.error) return null;
  const offline = s.error.status === 0 || s.error.status >= 500;
  return (
    <Alert color={offline ? 'yellow' : 'red'} variant="light" role="alert" mb="sm">
      {offline ? 'Нет связи с сервером: изменения сохранены в браузере и будут отправлены, как только связь восстановится.' : (s.error.detail ?? s.error.title)}
    </Alert>
  );
}

export function DraftForm({ app }: { app: Application }) {
  const editable = app.editable;
  const general = useAutosave<General>({ app, group: 'general', read: readGeneral, payload: (v) => v });
  const lines = useAutosave<Line[]>({ app, group: 'lines', read: readLines, payload: (v) => v });
  const carriers = useAutosave<CarrierRow[]>({
    app,
    group: 'carriers',
    read: readCarriers,
    payload: (v) => v.filter((c) => c.inn.trim() !== '').map((c) => ({ inn: c.inn.trim(), inviteEmail: c.inviteEmail?.trim() || null })),
  });
  return (
    <Stack gap="md">
      <GeneralCard app={app} s={general} editable={editable} />
      <LinesCard app={app} s={lines} editable={editable} />
      <CarriersCard app={app} s={carriers} editable={editable} />
    </Stack>
  );
}

function GeneralCard({ app, s, editable }: { app: Application; s: Autosave<General>; editable: boolean }) {
  const ref = useReference();
  const sites = useQuery({
    queryKey: ['sites', 'list', 1, 500],
    queryFn: () => call(api.GET('/api/sites', { params: { query: { pageSize: 500 } } })),
    enabled: editable,
  });
  const v = s.value;
  const set = (patch: Partial<General>) => s.set({ ...v, ...patch });
  const amendment = app.kind === 'amendment';
  const siteOptions = (sites.data?.items ?? []).filter((x) => x.producerId === app.organization.id).map((x) => ({ value: x.id, label: `${x.name} — ${x.address}` }));
  if (app.site && !siteOptions.some((o) => o.value === app.site!.id)) siteOptions.unshift({ value: app.site.id, label: `${app.site.name} — ${app.site.address}` });
  return (
    <Card component="section" aria-label="Объект и срок работ">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          Объект и срок работ
        </Title>
        {editable && <SaveState status={s.status} label="general" />}
      </Group>
      <Conflict s={s} describe={(g) => [g.worksFrom && `с ${fmtDate(g.worksFrom)}`, g.worksTo && `по ${fmtDate(g.worksTo)}`, g.district, g.comment].filter(Boolean).join(', ') || '—'} />
      <SaveError s={s} />
      {editable ? (
        <Grid gutter="sm">
          <Grid.Col span={12}>
            <Select
              label="Объект образования ОСС"
              placeholder={sites.isPending ? 'Загрузка…' : 'Выберите объект'}
              data={siteOptions}
              value={v.siteId}
              onChange={(x) => set({ siteId: x })}
              searchable
              disabled={amendment}
              error={s.fieldError('siteId')}
              nothingFoundMessage="Объектов нет — зарегистрируйте объект в разделе «Объекты»"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <RuDateInput
              label="Начало работ"
              value={v.worksFrom}
              onChange={(x) => set({ worksFrom: x })}
              disabled={amendment}
              error={s.fieldError('worksFrom')}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <RuDateInput
              label="Окончание работ"
              value={v.worksTo}
              onChange={(x) => set({ worksTo: x })}
              error={s.fieldError('worksTo')}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              label="Административный округ"
              data={[{ value: '', label: 'Выберите округ' }, ...(ref.data?.districts ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))]}
              value={v.district ?? ''}
              onChange={(e) => set({ district: e.currentTarget.value || null })}
              error={s.fieldError('district')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="Комментарий для оператора"
              autosize
              minRows={2}
              maxRows={6}
              value={v.comment ?? ''}
              onChange={(e) => set({ comment: e.currentTarget.value })}
              error={s.fieldError('comment')}
            />
          </Grid.Col>
        </Grid>
      ) : (
        <Grid gutter="sm">
          <Field label="Объект" span={12}>
            {app.site ? `${app.site.name} — ${app.site.address}` : '—'}
          </Field>
          <Field label="Срок работ" span={6}>
            {app.worksFrom ? fmtDate(app.worksFrom) : '—'} — {app.worksTo ? fmtDate(app.worksTo) : '—'}
          </Field>
          <Field label="Округ" span={6}>
            {app.district ?? '—'}
          </Field>
          {app.comment && (
            <Field label="Комментарий" span={12}>
              {app.comment}
            </Field>
          )}
        </Grid>
      )}
    </Card>
  );
}

function LinesCard({ app, s, editable }: { app: Application; s: Autosave<Line[]>; editable: boolean }) {
  const fkko = useFkko();
  const rows = s.value;
  const update = (i: number, patch: Partial<Line>) => s.set(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const fkkoOptions = (fkko.data?.items ?? []).map((w) => ({ value: w.code, label: `${formatCode(w.code)} — ${w.name}` }));
  return (
    <Card component="section" aria-label="Виды отходов">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          Виды отходов и объекты приёма
        </Title>
        {editable && <SaveState status={s.status} label="lines" />}
      </Group>
      <Conflict s={s} describe={(ls) => ls.map((l) => `${l.wasteCode ?? '—'}: ${l.volume ?? '—'} м³`).join('; ') || 'нет строк'} />
      <SaveError s={s} />
      {s.fieldError('') && !editable && <Text c="red">{s.fieldError('')}</Text>}
      {editable ? (
        <Stack gap="sm">
          {rows.map((l, i) => (
            <Card key={i} withBorder padding="sm" aria-label={`Вид отходов, строка ${i + 1}`}>
              <Grid gutter="xs" align="flex-end">
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <Select
                    label={`Код ФККО, строка ${i + 1}`}
                    placeholder="Начните вводить код или название"
                    data={fkkoOptions}
                    value={l.wasteCode}
                    onChange={(x) => update(i, { wasteCode: x, facilityObjectIds: [] })}
                    searchable
                    error={s.fieldError(`[${i}].wasteCode`)}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 2 }}>
                  <TextInput label="Объём, м³" inputMode="decimal" value={l.volume ?? ''} onChange={(e) => update(i, { volume: e.currentTarget.value || null })} error={s.fieldError(`[${i}].volume`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 2 }}>
                  <TextInput label="Масса, т" inputMode="decimal" value={l.mass ?? ''} onChange={(e) => update(i, { mass: e.currentTarget.value || null })} error={s.fieldError(`[${i}].mass`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 2 }}>
                  <Button variant="subtle" color="red" fullWidth onClick={() => s.set(rows.filter((_, k) => k !== i))} aria-label={`Удалить строку ${i + 1}`}>
                    Удалить
                  </Button>
                </Grid.Col>
                <Grid.Col span={12}>
                  <FacilityPicker line={l} index={i} onChange={(ids) => update(i, { facilityObjectIds: ids })} error={s.fieldError(`[${i}].facilityObjectIds`)} app={app} />
                </Grid.Col>
              </Grid>
            </Card>
          ))}
          <Group>
            <Button variant="light" onClick={() => s.set([...rows, { wasteCode: null, volume: null, mass: null, facilityObjectIds: [] }])}>
              Добавить вид отходов
            </Button>
          </Group>
        </Stack>
      ) : (
        <ListTable minWidth={560} striped columns={['Код ФККО', 'Вид отходов', { label: 'Объём, м³', num: true }, { label: 'Масса, т', num: true }, 'Объекты приёма']}>
          {app.lines.map((l) => (
            <Table.Tr key={l.position}>
              <Table.Td className="ossig-nowrap">{l.wasteCode ? formatCode(l.wasteCode) : '—'}</Table.Td>
              <Table.Td>{l.wasteName ?? '—'}</Table.Td>
              <Table.Td className="ossig-num">{fmtDecimal(l.volume)}</Table.Td>
              <Table.Td className="ossig-num">{fmtDecimal(l.mass)}</Table.Td>
              <Table.Td>
                {l.facilities.length === 0
                  ? '—'
                  : l.facilities.map((f) => (
                      <Text size="sm" key={f.id}>
                        {f.number} «{f.name}»
                        {!f.active && (
                          <Badge color="red" variant="light" ml="xs">
                            доступ приостановлен
                          </Badge>
                        )}
                      </Text>
                    ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Card>
  );
}

function FacilityPicker({ line, index, onChange, error, app }: { line: Line; index: number; onChange: (ids: string[]) => void; error?: string; app: Application }) {
  const options = useFacilityOptions(line.wasteCode);
  const known = app.lines[index]?.facilities ?? [];
  const data = new Map<string, string>();
  for (const f of options.data?.items ?? []) data.set(f.id, `${f.number} «${f.name}» — ${f.organizationName}`);
  for (const f of known) if (!data.has(f.id)) data.set(f.id, `${f.number} «${f.name}»${!f.active ? ' (доступ приостановлен)' : f.accepts ? '' : ' (не принимает этот код)'}`);
  return (
    <MultiSelect
      label="Объекты приёма"
      description={line.wasteCode ? 'Показаны объекты из реестра, принимающие этот код ФККО' : 'Сначала выберите код ФККО'}
      placeholder={line.wasteCode ? 'Выберите объекты приёма' : ''}
      data={[...data].map(([value, label]) => ({ value, label }))}
      value={line.facilityObjectIds}
      onChange={onChange}
      disabled={!line.wasteCode}
      searchable
      error={error}
      nothingFoundMessage="Нет объектов приёма, принимающих этот код"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function formatCode(code: string): string {
  return /^\d{11}$/.test(code) ? `${code[0]} ${code.slice(1, 3)} ${code.slice(3, 6)} ${code.slice(6, 8)} ${code.slice(8, 10)} ${code[10]}` : code;
}

function CarriersCard({ app, s, editable }: { app: Application; s: Autosave<CarrierRow[]>; editable: boolean }) {
  const rows = s.value;
  const update = (i: number, patch: Partial<CarrierRow>) => s.set(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <Card component="section" aria-label="Перевозчики">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          Перевозчики
        </Title>
        {editable && <SaveState status={s.status} label="carriers" />}
      </Group>
      <Conflict s={s} describe={(cs) => cs.map((c) => c.inn).join(', ') || 'нет'} />
      <SaveError s={s} />
      {editable ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Укажите ИНН перевозчика. Если организация ещё не зарегистрирована в системе, укажите её электронную почту — при подаче заявления ей будет отправлено приглашение.
          </Text>
          {rows.map((c, i) => (
            <CarrierInput key={i} index={i} row={c} onChange={(p) => update(i, p)} onRemove={() => s.set(rows.filter((_, k) => k !== i))} s={s} known={app.carriers.find((x) => x.inn === c.inn)} />
          ))}
          <Group>
            <Button variant="light" onClick={() => s.set([...rows, { inn: '', inviteEmail: null }])}>
              Добавить перевозчика
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap={4}>
          {app.carriers.length === 0 && <Text size="sm">—</Text>}
          {app.carriers.map((c) => (
            <Text key={c.inn} size="sm">
              {c.name ?? 'Организация не зарегистрирована'} · ИНН {c.inn}
              {!c.registered && c.inviteEmail ? ` · приглашение: ${c.inviteEmail}${c.invitedAt ? ' (отправлено)' : ''}` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function CarrierInput({
  index,
  row,
  onChange,
  onRemove,
  s,
  known,
}: {
  index: number;
  row: CarrierRow;
  onChange: (p: Partial<CarrierRow>) => void;
  onRemove: () => void;
  s: Autosave<CarrierRow[]>;
  known?: Application['carriers'][number];
}) {
  const inn = row.inn.replace(/\D/g, '');
  const [lookupInn, setLookupInn] = useState<string | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setLookupInn(inn.length === 10 || inn.length === 12 ? inn : null), 300);
    return () => clearTimeout(t);
  }, [inn]);
  const lookup = useQuery({
    queryKey: ['applications', 'carrier', lookupInn],
    queryFn: () => call(api.GET('/api/applications/carrier-lookup', { params: { query: { inn: lookupInn! } } })),
    enabled: !!lookupInn && !known,
    retry: false,
  });
  const info = known ?? lookup.data;
  return (
    <Grid gutter="xs" align="flex-start">
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label={`ИНН перевозчика, строка ${index + 1}`} inputMode="numeric" value={row.inn} onChange={(e) => onChange({ inn: e.currentTarget.value })} error={s.fieldError(`[${index}].inn`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        {info && info.registered ? (
          <Text size="sm" mt={{ base: 0, sm: 28 }}>
            {info.name}
            {info.suspended ? <Badge color="red" ml="xs">доступ приостановлен</Badge> : null}
          </Text>
        ) : info && !info.registered ? (
          <TextInput
            label="Эл. почта для приглашения"
            description="Организация ещё не зарегистрирована в системе"
            type="email"
            value={row.inviteEmail ?? ''}
            onChange={(e) => onChange({ inviteEmail: e.currentTarget.value || null })}
            error={s.fieldError(`[${index}].inviteEmail`)}
          />
        ) : lookup.isError ? (
          <Text size="sm" c="red" mt={{ base: 0, sm: 28 }}>
            {(lookup.error as Error).message}
          </Text>
        ) : null}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 2 }}>
        <Anchor component="button" type="button" c="red" size="sm" mt={{ base: 0, sm: 32 }} onClick={onRemove} aria-label={`Удалить перевозчика ${index + 1}`}>
          Удалить
        </Anchor>
      </Grid.Col>
    </Grid>
  );
}

