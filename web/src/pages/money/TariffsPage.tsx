/**
 * «Тарифы»: a receiving facility sets its prices per ФККО code and unit with validity dates; a producer
 * or carrier sees the tariffs of the facilities named in its permits. The VAT rates in force below.
 */
import { useState } from 'react';
import { Badge, Button, Card, Grid, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage, fieldError } from '../../api/client';
import { useAuth } from '../../auth';
import { Empty, ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { FormError, RuDateInput } from '../../components/forms';
import { fmtDate, fmtRub, moscowToday, addDays, shortOrg } from '../../lib/format';
import { RowsList } from './RowsList';
import { MONEY_KEY, UNIT_LABEL, useApplicableTariffs, useTariffs, useVatRates, type ApplicableTariff, type Tariff } from './queries';

const period = (from: string, to: string | null) => (to ? `${fmtDate(from)} — ${fmtDate(to)}` : `с ${fmtDate(from)}`);

export function TariffsPage() {
  const { hasRole } = useAuth();
  const facility = hasRole('facility');
  return (
    <>
      <PageTitle subtitle={facility ? 'Цены приёма по кодам ФККО без НДС; начисления за принятые рейсы считаются по тарифу на дату выгрузки' : 'Цены объектов приёма из ваших разрешений, по кодам ФККО разрешений'}>Тарифы</PageTitle>
      <Stack gap="md">
        {facility ? <FacilityTariffs /> : <ApplicableTariffs />}
        <VatRates />
      </Stack>
    </>
  );
}

function FacilityTariffs() {
  const list = useTariffs(true);
  const qc = useQueryClient();
  const today = moscowToday();
  const refresh = () => qc.invalidateQueries({ queryKey: MONEY_KEY });
  const end = useMutation({
    mutationFn: (t: Tariff) => call(api.PUT('/api/tariffs/{id}/period', { params: { path: { id: t.id } }, body: { validFrom: t.validFrom, validTo: t.validFrom > today ? t.validFrom : today } })),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Тариф завершён' });
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Тариф не завершён', message: errorMessage(e) }),
  });
  const remove = useMutation({
    mutationFn: (t: Tariff) => call(api.DELETE('/api/tariffs/{id}', { params: { path: { id: t.id } } })),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Тариф удалён' });
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Тариф не удалён', message: errorMessage(e) }),
  });
  return (
    <>
      <NewTariff />
      <Card withBorder component="section" aria-label="Тарифы объекта">
        <Title order={2} size="h4" mb="sm">
          Тарифы объекта
        </Title>
        {list.isPending && <Loading label="Загрузка тарифов…" />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && <Empty>Тарифов пока нет: принятые рейсы остаются без начисления</Empty>}
        {list.data && list.data.items.length > 0 && (
          <RowsList<Tariff>
            label="Тарифы объекта"
            rows={list.data.items}
            rowKey={(t) => t.id}
            cols={[
              { label: 'Код ФККО', cell: (t) => <Text size="sm">{t.wasteCode}</Text> },
              { label: 'Вид отходов', cell: (t) => <Text size="sm">{t.wasteName}</Text> },
              { label: 'Цена без НДС', num: true, cell: (t) => `${fmtRub(t.price)} ${UNIT_LABEL[t.unit]}` },
              {
                label: 'Срок действия',
                cell: (t) => (
                  <>
                    {period(t.validFrom, t.validTo)} {t.current && <Badge size="xs" color="teal">действует</Badge>}
                  </>
                ),
              },
              { label: 'Рейсов', num: true, cell: (t) => `${t.charges} (в актах ${t.billed})` },
            ]}
            actions={(t) => (
              <>
                {(t.validTo === null || t.validTo > today) && (
                  <Button size="xs" variant="light" loading={end.isPending && end.variables?.id === t.id} onClick={() => end.mutate(t)} aria-label={`Завершить тариф ${t.wasteCode}`}>
                    Завершить
                  </Button>
                )}
                {t.billed === 0 && (
                  <Button size="xs" variant="light" color="red" loading={remove.isPending && remove.variables?.id === t.id} onClick={() => remove.mutate(t)} aria-label={`Удалить тариф ${t.wasteCode}`}>
                    Удалить
                  </Button>
                )}
              </>
            )}
          />
        )}
      </Card>
    </>
  );
}

function NewTariff() {
  const qc = useQueryClient();
  const [v, setV] = useState<{ wasteCode: string; unit: 'm3' | 't'; price: string; validFrom: string | null; validTo: string | null }>({ wasteCode: '', unit: 't', price: '', validFrom: addDays(moscowToday(), 1), validTo: null });
  const save = useMutation({
    mutationFn: () => call(api.POST('/api/tariffs', { body: { wasteCode: v.wasteCode, unit: v.unit, price: v.price, validFrom: v.validFrom ?? '', validTo: v.validTo } })),
    onSuccess: (t) => {
      notifications.show({ color: 'teal', message: `Тариф ${t.wasteCode} установлен` });
      setV({ ...v, wasteCode: '', price: '' });
      void qc.invalidateQueries({ queryKey: MONEY_KEY });
    },
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Card withBorder component="section" aria-label="Новый тариф">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            Новый тариф
          </Title>
          <FormError error={save.error} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput label="Код ФККО" required placeholder="8 11 100 01 49 5" value={v.wasteCode} onChange={(e) => setV({ ...v, wasteCode: e.currentTarget.value })} error={err('wasteCode')} maxLength={20} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
              <NativeSelect label="Единица" value={v.unit} onChange={(e) => setV({ ...v, unit: e.currentTarget.value as 'm3' | 't' })} data={[{ value: 't', label: 'за тонну' }, { value: 'm3', label: 'за м³' }]} error={err('unit')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
              <TextInput label="Цена без НДС, ₽" required placeholder="1 234,56" inputMode="decimal" value={v.price} onChange={(e) => setV({ ...v, price: e.currentTarget.value })} error={err('price')} maxLength={20} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4, md: 2.5 }}>
              <RuDateInput label="Действует с" required value={v.validFrom} onChange={(x) => setV({ ...v, validFrom: x })} error={err('validFrom')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4, md: 2.5 }}>
              <RuDateInput label="Действует по" placeholder="без срока" value={v.validTo} onChange={(x) => setV({ ...v, validTo: x })} error={err('validTo')} clearable />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Установить тариф
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ApplicableTariffs() {
  const list = useApplicableTariffs(true);
  return (
    <Card withBorder component="section" aria-label="Тарифы объектов приёма">
      <Title order={2} size="h4" mb="sm">
        Тарифы объектов приёма
      </Title>
      {list.isPending && <Loading label="Загрузка тарифов…" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Empty>Объекты приёма из ваших разрешений тарифов пока не установили</Empty>}
      {list.data && list.data.items.length > 0 && (
        <RowsList<ApplicableTariff>
          label="Тарифы объектов приёма"
          rows={list.data.items}
          rowKey={(t) => `${t.facility.id}:${t.wasteCode}:${t.unit}:${t.validFrom}`}
          cols={[
            { label: 'Объект приёма', cell: (t) => <Text size="sm">{shortOrg(t.facility.name)}</Text> },
            { label: 'Код ФККО', cell: (t) => <Text size="sm">{t.wasteCode}</Text> },
            { label: 'Вид отходов', cell: (t) => <Text size="sm">{t.wasteName}</Text> },
            { label: 'Цена без НДС', num: true, cell: (t) => `${fmtRub(t.price)} ${UNIT_LABEL[t.unit]}` },
            {
              label: 'Срок действия',
              cell: (t) => (
                <>
                  {period(t.validFrom, t.validTo)} {t.current ? <Badge size="xs" color="teal">действует</Badge> : <Badge size="xs" color="gray">будет действовать</Badge>}
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function VatRates() {
  const list = useVatRates();
  return (
    <Card withBorder component="section" aria-label="Ставки НДС">
      <Title order={2} size="h4" mb="sm">
        Ставки НДС
      </Title>
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <Stack gap={4}>
          {list.data.items.map((r) => (
            <Text key={r.validFrom} size="sm">
              {r.label} — {period(r.validFrom, r.validTo)}
              {r.note ? ` (${r.note})` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
