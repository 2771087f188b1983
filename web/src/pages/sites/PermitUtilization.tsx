/** A permit: validity, carriers, facilities, and per waste type permitted vs moved (over-limit in red). */
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { usePermit } from './queries';
import { ErrorAlert, Loading } from '../../components/PageState';
import { ListTable } from '../../components/ListTable';
import { fmtDate, fmtDecimal, fmtPercent, PERMIT_STATUS, shortOrg } from '../../lib/format';

export function PermitUtilization({ permitId }: { permitId: string }) {
  const permit = usePermit(permitId);
  if (permit.isPending)
    return (
      <Card>
        <Loading label="Загрузка разрешения…" />
      </Card>
    );
  if (permit.isError) return <ErrorAlert error={permit.error} />;
  const p = permit.data;
  const over = p.wasteTypes.some((w) => w.overLimit);
  return (
    <Card component="section" aria-label={`Разрешение ${p.number}`}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={3} size="h5">
            <Anchor component={Link} to={`/permits/${p.id}`} inherit>
              Разрешение № {p.number}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            действует с {fmtDate(p.validFrom)} по {fmtDate(p.validTo)}
          </Text>
        </Stack>
        <Group gap="xs">
          {p.suspended.length > 0 && (
            <Badge color="red" variant="light">
              Есть приостановленные участники
            </Badge>
          )}
          {over && (
            <Badge color="red" variant="filled">
              Превышен разрешённый объём
            </Badge>
          )}
          <Badge color={p.status === 'active' ? 'teal' : 'gray'} variant="light">
            {PERMIT_STATUS[p.status] ?? p.status}
          </Badge>
        </Group>
      </Group>
      {p.suspended.length > 0 && (
        <Alert color="red" mb="sm" role="status" title="Доступ участников разрешения приостановлен оператором" data-testid="permit-suspended-parties">
          {p.suspended.map((x) => `${x.kind === 'facility' ? 'Объект приёма' : 'Перевозчик'} ${x.name}${x.reason ? ` — ${x.reason}` : ''}`).join('; ')}. Передавать отходы приостановленному
          объекту приёма нельзя: такие рейсы не принимаются (1386-ПП п. 7.2).
        </Alert>
      )}
      <ListTable
        minWidth={720}
        aria-label={`Использование разрешённых объёмов по разрешению ${p.number}`}
        columns={[
          'Код ФККО',
          'Вид отходов',
          { label: 'Разрешено, м³', num: true },
          { label: 'Перемещено, м³', num: true },
          { label: 'Использовано', w: 200 },
        ]}
      >
        {p.wasteTypes.map((w) => {
          const permitted = Number(w.permittedVolume);
          const share = permitted > 0 ? Number(w.movedVolume) / permitted : 0;
          return (
            <Table.Tr key={w.code} bg={w.overLimit ? 'red.0' : undefined} data-over-limit={w.overLimit || undefined}>
              <Table.Td className="ossig-nowrap">{w.code}</Table.Td>
              <Table.Td>
                <Text size="sm">{w.name}</Text>
                <Text size="xs" c="dimmed">
                  {w.hazardClass} класс опасности
                </Text>
              </Table.Td>
              <Table.Td className="ossig-num">{fmtDecimal(w.permittedVolume, 2)}</Table.Td>
              <Table.Td className="ossig-num" c={w.overLimit ? 'red.8' : undefined} fw={w.overLimit ? 600 : undefined}>
                {fmtDecimal(w.movedVolume, 2)}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Progress
                    value={Math.min(100, share * 100)}
                    color={w.overLimit ? 'red' : share > 0.9 ? 'orange' : 'ossig'}
                    style={{ flex: 1 }}
                    aria-label={`Использовано ${fmtPercent(share)}`}
                  />
                  <Text size="xs" c={w.overLimit ? 'red.8' : 'dimmed'} className="ossig-nowrap" fw={w.overLimit ? 600 : undefined}>
                    {fmtPercent(share)}
                    {w.overLimit ? ' — сверх лимита' : ''}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
      <Group gap="xl" mt="sm" align="flex-start">
        <Organizations title="Перевозчики" items={p.carriers} />
        <Organizations title="Объекты приёма" items={p.facilities} />
      </Group>
    </Card>
  );
}

function Organizations({ title, items }: { title: string; items: ReadonlyArray<{ id: string; name: string; inn: string }> }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {title}
      </Text>
      {items.map((o) => (
        <Text size="sm" key={o.id}>
          {shortOrg(o.name)} <Text span c="dimmed" size="xs">ИНН {o.inn}</Text>
        </Text>
      ))}
      {!items.length && <Text size="sm">—</Text>}
    </Stack>
  );
}
