/** A new meeting: pick a house of the organization (or add one), then the stages page opens. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, fieldError } from '../../api/client';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { FormError } from '../../components/forms';
import { MeetingKindFields, type MeetingForm, type MeetingKind } from './MeetingKindFields';
import { fmtArea, useHouses } from './queries';

export function NewMeetingPage() {
  const nav = useNavigate();
  const qc = useQueryClient();
  const houses = useHouses();
  const [houseId, setHouseId] = useState<string | null>(null);
  const [kind, setKind] = useState<MeetingKind>('annual');
  const [form, setForm] = useState<MeetingForm>('mixed');
  const [address, setAddress] = useState('');
  const [cadastralNumber, setCadastral] = useState('');
  const [totalArea, setArea] = useState('');
  const addHouse = useMutation({
    mutationFn: () => call(api.POST('/api/houses', { body: { address, cadastralNumber, totalArea } })),
    onSuccess: (h) => {
      setHouseId(h.id);
      setAddress('');
      setCadastral('');
      setArea('');
      void qc.invalidateQueries({ queryKey: ['houses'] });
    },
  });
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/meetings', { body: { houseId: houseId ?? '', kind, form } })),
    onSuccess: (m) => {
      void qc.invalidateQueries({ queryKey: ['meetings'] });
      nav(`/meetings/${m.id}`);
    },
  });
  return (
    <>
      <Anchor component={Link} to="/meetings" size="sm">
        ← К списку собраний
      </Anchor>
      <PageTitle subtitle="Выберите дом и вид собрания; данные сообщения заполняются на первом этапе">Новое собрание собственников</PageTitle>
      <Stack maw={720}>
        <Card withBorder component="section" aria-label="Собрание">
          <Stack gap="sm">
            {houses.isPending && <Loading />}
            {houses.isError && <ErrorAlert error={houses.error} />}
            <Select
              label="Дом"
              placeholder={houses.data?.items.length ? 'Выберите дом' : 'Сначала добавьте дом ниже'}
              data={(houses.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.address} (${h.cadastralNumber}, ${fmtArea(h.totalArea)} м²)` }))}
              value={houseId}
              onChange={setHouseId}
              error={fieldError(create.error, 'houseId')}
            />
            <MeetingKindFields kind={kind} form={form} onKind={setKind} onForm={setForm} />
            <FormError error={create.error} />
            <Group>
              <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!houseId}>
                Начать собрание
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card withBorder component="form" aria-label="Новый дом" onSubmit={(e) => (e.preventDefault(), addHouse.mutate())}>
          <Stack gap="sm">
            <Title order={2} size="h5">
              Добавить дом
            </Title>
            <Text size="sm" c="dimmed">
              Общая площадь помещений дома — сумма площадей всех жилых и нежилых помещений; она равна общему числу голосов собственников.
            </Text>
            <TextInput label="Адрес дома" value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={fieldError(addHouse.error, 'address')} />
            <TextInput label="Кадастровый номер дома" placeholder="77:06:0002001:1101" value={cadastralNumber} onChange={(e) => setCadastral(e.currentTarget.value)} error={fieldError(addHouse.error, 'cadastralNumber')} />
            <TextInput label="Общая площадь помещений, м²" placeholder="4830,40" value={totalArea} onChange={(e) => setArea(e.currentTarget.value)} error={fieldError(addHouse.error, 'totalArea')} />
            <FormError error={addHouse.error} />
            <Group>
              <Button type="submit" variant="light" loading={addHouse.isPending}>
                Добавить дом
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
