/**
 * The task «Формирование сведений о результатах перемещения ОСС» (seed 000):
 * the site, then the period, then the permits with movement in it, then
 * «Сформировать документ».
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Anchor, Button, Card, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ApiError } from '../../api/client';
import type { Body, PermitMovement, Task } from '../../api/types';
import { ErrorAlert, Loading, Empty } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { FormError, RuDateInput } from '../../components/forms';
import { fmtDate, fmtDateTime, fmtDecimal, fmtInt, moscowToday, addDays, plural } from '../../lib/format';
import { newKey } from '../../lib/ids';
import { FIELD_LABELS } from '../../lib/shared';

export function StatementFormTask({ task }: { task: Task }) {
  const statementId = typeof task.payload.statementId === 'string' ? task.payload.statementId : null;
  if (task.status === 'done' || statementId) {
    return (
      <Card>
        <Stack gap="sm">
          <Text size="sm">Форма заполнена, документ заказан.</Text>
          {statementId && (
            <Group>
              <Button component={Link} to={`/statements/${statementId}`} variant="light">
                Ход формирования
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    );
  }
  return <StatementForm taskId={task.id} />;
}

function StatementForm({ taskId }: { taskId: string }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [key, setKey] = useState(newKey);

  const sites = useQuery({
    queryKey: ['sites', 'list', 1, 500],
    queryFn: () => call(api.GET('/api/sites', { params: { query: { pageSize: 500 } } })),
  });

  const periodOk = !!from && !!to && from <= to;
  const permits = useQuery({
    queryKey: ['sites', 'permits-moved', siteId, from, to],
    queryFn: () => call(api.GET('/api/sites/{id}/permits', { params: { path: { id: siteId! }, query: { from: from!, to: to! } } })),
    enabled: !!siteId && periodOk,
    placeholderData: keepPreviousData,
  });

  const submit = useMutation({
    mutationFn: (body: Body<'/api/statements', 'post'>) =>
      call(api.POST('/api/statements', { body, params: { header: { 'idempotency-key': key } } })),
    onSuccess: async (res) => {
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      await qc.invalidateQueries({ queryKey: ['statements'] });
      navigate(`/statements/${res.id}`);
    },
  });

  // Inputs changed: a new request, a new idempotency key.
  const touch = () => {
    setKey(newKey());
    submit.reset();
  };

  const serverErr = (submit.error instanceof ApiError ? submit.error : null) ?? (permits.error instanceof ApiError ? permits.error : null);
  const errorFor = (field: string) => localErrors[field] ?? serverErr?.fieldMessage(field);

  const items = permits.data?.items ?? [];
  // While a new period loads, the previous answer stays visible (dimmed); submit only what matches the inputs.
  const shown = permits.data && permits.data.from === from && permits.data.to === to ? items : [];
  const pending = useMemo(() => summarizePending(shown), [shown]);

  const onSubmit = () => {
    const errs: Record<string, string> = {};
    if (!siteId) errs.siteId = `${FIELD_LABELS.siteId}: выберите объект`;
    if (!from) errs.from = `${FIELD_LABELS.from}: укажите дату`;
    if (!to) errs.to = `${FIELD_LABELS.to}: укажите дату`;
    if (from && to && from > to) errs.to = `${FIELD_LABELS.to}: не может быть раньше начала периода`;
    const permitIds = picked.filter((id) => shown.some((p) => p.id === id));
    if (!errs.siteId && !errs.from && !errs.to && permitIds.length === 0) errs.permitIds = `${FIELD_LABELS.permitIds}: выберите хотя бы одно разрешение`;
    setLocalErrors(errs);
    if (Object.keys(errs).length) return;
    submit.mutate({ siteId: siteId!, from: from!, to: to!, permitIds, taskId });
  };

  const setPeriod = (f: string, t: string) => {
    setFrom(f);
    setTo(t);
    setLocalErrors({});
    touch();
  };
  const today = moscowToday();
  const monthStart = `${today.slice(0, 8)}01`;
  const prevMonthEnd = addDays(monthStart, -1);
  const prevMonthStart = `${prevMonthEnd.slice(0, 8)}01`;

  return (
    <Stack gap="lg">
      <Card component="section" aria-labelledby="step-site">
        <Title order={2} size="h5" id="step-site" mb="sm">
          1. {FIELD_LABELS.siteId}
        </Title>
        {sites.isError && <ErrorAlert error={sites.error} />}
        <Select
          label={FIELD_LABELS.siteId}
          placeholder={sites.isPending ? 'Загрузка…' : 'Выберите объект'}
          data={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} — ${s.address}` }))}
          value={siteId}
          onChange={(v) => {
            setSiteId(v);
            setPicked([]);
            setLocalErrors({});
            touch();
          }}
          searchable
          nothingFoundMessage="Объект не найден"
          error={errorFor('siteId')}
          required
          maw={720}
        />
      </Card>

      <Card component="section" aria-labelledby="step-period">
        <Title order={2} size="h5" id="step-period" mb="sm">
          2. Период перемещения ОСС
        </Title>
        <Group align="flex-start" gap="md">
          {(
            [
              ['from', from, setFrom],
              ['to', to, setTo],
            ] as const
          ).map(([field, value, set]) => (
            <RuDateInput
              key={field}
              label={FIELD_LABELS[field]}
              value={value}
              onChange={(v) => {
                set(v);
                setLocalErrors({});
                touch();
              }}
              error={errorFor(field)}
              required
              clearable
              w={200}
            />
          ))}
          <Stack gap={4} pt={24}>
            <Group gap="xs">
              <Button size="compact-sm" variant="subtle" onClick={() => setPeriod(prevMonthStart, prevMonthEnd)}>
                Прошлый месяц
              </Button>
              <Button size="compact-sm" variant="subtle" onClick={() => setPeriod(monthStart, today)}>
                Текущий месяц
              </Button>
              <Button size="compact-sm" variant="subtle" onClick={() => setPeriod(addDays(today, -29), today)}>
                Последние 30 дней
              </Button>
            </Group>
          </Stack>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          Даты включительно, по московскому времени. Рейс относится к периоду по дате выгрузки.
        </Text>
      </Card>

      <Card component="section" aria-labelledby="step-permits">
        <Title order={2} size="h5" id="step-permits" mb="sm">
          3. Разрешения, по которым осуществлялось перемещение
        </Title>
        <Alert color="blue" variant="light" mb="md">
          Обращаем ваше внимание: время формирования рейса после его завершения — {permits.data?.formationHours ?? 27}{' '}
          {plural(permits.data?.formationHours ?? 27, 'час', 'часа', 'часов')}. В сведения попадают только сформированные рейсы.
        </Alert>
        {!siteId || !from || !to ? (
          <Empty>Выберите объект и период — здесь появятся разрешения, по которым было перемещение</Empty>
        ) : !periodOk ? (
          <Empty>Проверьте период: конец не может быть раньше начала</Empty>
        ) : permits.isPending ? (
          <Loading label="Поиск разрешений с перемещением…" />
        ) : permits.isError && !(permits.error instanceof ApiError && permits.error.errors.length) ? (
          <ErrorAlert error={permits.error} />
        ) : shown.length === 0 ? (
          <Empty>За выбранный период перемещения по разрешениям объекта не было</Empty>
        ) : (
          <>
            {pending.trips > 0 && (
              <Alert color="orange" variant="light" mb="md" role="status" title="Не все рейсы сформированы">
                {fmtInt(pending.trips)} {plural(pending.trips, 'рейс', 'рейса', 'рейсов')} за период ещё не{' '}
                {plural(pending.trips, 'сформирован', 'сформированы', 'сформированы')}; время формирования рейса —{' '}
                {permits.data?.formationHours ?? 27} {plural(permits.data?.formationHours ?? 27, 'час', 'часа', 'часов')} после его завершения;{' '}
                {pending.trips === 1 ? 'он сформируется' : 'они сформируются'} до {fmtDateTime(pending.until)}.{' '}
                {pending.trips === 1 ? 'Чтобы он вошёл' : 'Чтобы они вошли'} в сведения, сформируйте документ после этого времени.
              </Alert>
            )}
            <PermitPicker items={shown} picked={picked} onChange={(ids) => { setPicked(ids); setLocalErrors({}); touch(); }} />
            {errorFor('permitIds') && (
              <Text c="red" size="sm" mt="xs" role="alert">
                {errorFor('permitIds')}
              </Text>
            )}
          </>
        )}
      </Card>

      <FormError error={submit.error} title="Документ не заказан" variant="light" />
      <Group justify="space-between">
        <Anchor component={Link} to="/services?tab=tasks" size="sm">
          Вернуться к задачам
        </Anchor>
        <Button size="md" onClick={onSubmit} loading={submit.isPending} disabled={!siteId || !periodOk || !shown.length}>
          Сформировать документ
        </Button>
      </Group>
    </Stack>
  );
}

function summarizePending(items: readonly PermitMovement[]): { trips: number; until: string | null } {
  let trips = 0;
  let until: string | null = null;
  for (const p of items) {
    trips += p.pendingTrips;
    if (p.pendingFormedUntil && (!until || p.pendingFormedUntil > until)) until = p.pendingFormedUntil;
  }
  return { trips, until };
}

function PermitPicker({ items, picked, onChange }: { items: readonly PermitMovement[]; picked: string[]; onChange: (ids: string[]) => void }) {
  const all = items.length > 0 && items.every((p) => picked.includes(p.id));
  const some = items.some((p) => picked.includes(p.id));
  return (
    <ListTable
      minWidth={760}
      aria-label="Разрешения с перемещением в периоде"
      columns={[
        {
          label: (
            <Checkbox
              aria-label="Выбрать все разрешения"
              checked={all}
              indeterminate={some && !all}
              onChange={(e) => onChange(e.currentTarget.checked ? items.map((p) => p.id) : [])}
            />
          ),
          w: 40,
        },
        'Разрешение',
        'Срок действия',
        { label: 'Сформировано рейсов', num: true },
        { label: 'Объём, м³', num: true },
        { label: 'Масса, т', num: true },
        { label: 'Не сформировано', num: true },
      ]}
    >
      {items.map((p) => {
        const checked = picked.includes(p.id);
        return (
          <Table.Tr key={p.id} bg={checked ? 'ossig.0' : undefined}>
            <Table.Td>
              <Checkbox
                aria-label={`Разрешение ${p.number}`}
                checked={checked}
                onChange={(e) => onChange(e.currentTarget.checked ? [...picked, p.id] : picked.filter((x) => x !== p.id))}
              />
            </Table.Td>
            <Table.Td className="ossig-nowrap" fw={500}>
              {p.number}
            </Table.Td>
            <Table.Td className="ossig-nowrap">
              {fmtDate(p.validFrom)} — {fmtDate(p.validTo)}
            </Table.Td>
            <Table.Td className="ossig-num">{fmtInt(p.formedTrips)}</Table.Td>
            <Table.Td className="ossig-num">{fmtDecimal(p.formedVolume, 2)}</Table.Td>
            <Table.Td className="ossig-num">{fmtDecimal(p.formedMass, 3)}</Table.Td>
            <Table.Td className="ossig-num">
              {p.pendingTrips ? (
                <Text span size="sm" c="orange.8" title={p.pendingFormedUntil ? `сформируются до ${fmtDateTime(p.pendingFormedUntil)}` : undefined}>
                  {fmtInt(p.pendingTrips)}
                </Text>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
