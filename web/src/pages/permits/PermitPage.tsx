/** A permit: its present terms with utilization, every version with its signed PDF, «Внести изменения»; for the operator «Аннулировать разрешение». */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError, api, call, errorMessage } from '../../api/client';
import { ReasonDialog } from '../registers/common';
import { useAuth } from '../../auth';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDate, fmtDateTime, fmtDecimal, PERMIT_STATUS } from '../../lib/format';
import { usePermit } from '../sites/queries';
import { PermitUtilization } from '../sites/PermitUtilization';
import { usePermitVersions } from '../applications/queries';
import { createApplication } from '../applications/NewApplicationButton';
import { formatCode } from '../applications/DraftForm';

const CHANGE: Record<string, string> = { validTo: 'Срок действия до', volumes: 'Объёмы, м³', carriers: 'Перевозчики', facilities: 'Объекты приёма' };
const show = (s: string) => {
  try {
    const v = JSON.parse(s);
    if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v;
    if (Array.isArray(v)) return v.join('; ') || '—';
    if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}: ${fmtDecimal(String(x))}`).join('; ');
    return String(v);
  } catch {
    return s;
  }
};

export function PermitPage() {
  const { id = '' } = useParams();
  const permit = usePermit(id);
  const versions = usePermitVersions(id);
  const { hasRole, organization } = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState(false);
  if (permit.isPending) return <Loading label="Загрузка разрешения…" />;
  if (permit.isError) return <ErrorAlert error={permit.error} title="Не удалось открыть разрешение" />;
  const p = permit.data;
  const mayAmend = hasRole('producer') && p.status === 'active' && !(organization?.role === 'trusted' && organization.access === 'standard' && false);
  const amend = async () => {
    setBusy(true);
    try {
      const a = await createApplication({ kind: 'amendment', permitId: p.id });
      navigate(`/applications/${a.id}`);
    } catch (e) {
      const existing = e instanceof ApiError && e.code === 'conflict' ? e.detail : null;
      notifications.show({ color: existing ? 'orange' : 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to={`/sites/${p.siteId}`} size="sm">
          {p.siteName}
        </Anchor>
        <Text size="sm" c="dimmed">
          Разрешение № {p.number}
        </Text>
      </Breadcrumbs>
      <PageTitle
        subtitle={`Срок действия: ${fmtDate(p.validFrom)} — ${fmtDate(p.validTo)} · ${PERMIT_STATUS[p.status] ?? p.status}`}
        right={
          <Group gap="xs">
            {mayAmend && (
              <Button variant="light" onClick={() => void amend()} loading={busy}>
                Внести изменения
              </Button>
            )}
            {p.canRevoke && (
              <Button variant="subtle" color="red" onClick={() => setRevoking(true)}>
                Аннулировать разрешение
              </Button>
            )}
          </Group>
        }
      >
        Разрешение № {p.number}
      </PageTitle>
      {p.revokedAt && (
        <Alert color="red" mb="md" role="status" title="Разрешение аннулировано оператором">
          С {fmtDateTime(p.revokedAt)} рейсы по разрешению не принимаются; погруженные раньше сохраняются. Причина: {p.revokedReason ?? '—'}.
        </Alert>
      )}
      <ReasonDialog
        opened={revoking}
        onClose={() => setRevoking(false)}
        title={`Аннулировать разрешение № ${p.number}`}
        consequence="С этого момента рейсы по разрешению не будут приниматься. Заявитель, перевозчики и объекты приёма получат уведомление с причиной. Отменить аннулирование нельзя."
        confirmLabel="Аннулировать"
        invalidate={['permits']}
        run={(reason) => call(api.POST('/api/operator/permits/{id}/revoke', { params: { path: { id: p.id } }, body: { reason: reason ?? '' } }))}
      />
      <Stack gap="md">
        <PermitUtilization permitId={p.id} />
        <Card component="section" aria-label="Версии разрешения">
          <Title order={2} size="h4" mb="sm">
            Версии разрешения
          </Title>
          {versions.isPending && <Loading />}
          {versions.isError && <ErrorAlert error={versions.error} />}
          <Stack gap="md">
            {versions.data?.items.map((v) => (
              <Card key={v.id} withBorder padding="sm" aria-label={`Версия ${v.version}`}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs">
                    <Text fw={600}>Версия {v.version}</Text>
                    {v.current && (
                      <Badge color="teal" variant="light">
                        действует
                      </Badge>
                    )}
                  </Group>
                  <Group gap="xs">
                    {v.pdf ? (
                      <>
                        <Button component="a" href={v.pdf.url} size="xs" variant="light">
                          PDF
                        </Button>
                        <Button component="a" href={v.pdf.signatureUrl} size="xs" variant="default">
                          Подпись (.sig)
                        </Button>
                      </>
                    ) : (
                      <Text size="xs" c="dimmed">
                        PDF формируется…
                      </Text>
                    )}
                  </Group>
                </Group>
                <Text size="sm" mt={4}>
                  Срок действия: {fmtDate(v.validFrom)} — {fmtDate(v.validTo)}
                  {v.inForceFrom ? ` · действует с ${fmtDateTime(v.inForceFrom)}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  Выдана {fmtDateTime(v.issuedAt)}
                  {v.issuedBy ? `, ${v.issuedBy}` : ''}
                  {v.application ? (
                    <>
                      {' · по заявлению '}
                      <Anchor component={Link} to={`/applications/${v.application.id}`} size="xs">
                        № {v.application.number}
                      </Anchor>
                    </>
                  ) : null}
                </Text>
                {v.changes.length > 0 && (
                  <Stack gap={2} mt={6}>
                    {v.changes.map((c) => (
                      <Text key={c.field} size="xs">
                        {CHANGE[c.field] ?? c.field}: было — {show(c.before)}; стало — {show(c.after)}
                      </Text>
                    ))}
                  </Stack>
                )}
                <Table.ScrollContainer minWidth={480} mt="xs">
                  <Table fz="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Код ФККО</Table.Th>
                        <Table.Th>Вид отходов</Table.Th>
                        <Table.Th className="ossig-num">Объём, м³</Table.Th>
                        <Table.Th>Объекты приёма</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {v.lines.map((l) => (
                        <Table.Tr key={l.code}>
                          <Table.Td className="ossig-nowrap">{formatCode(l.code)}</Table.Td>
                          <Table.Td>{l.name}</Table.Td>
                          <Table.Td className="ossig-num">{fmtDecimal(l.volume)}</Table.Td>
                          <Table.Td>{l.facilities.join('; ') || '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Text size="xs" mt={4}>
                  Перевозчики: {v.carriers.map((c) => `${c.name} (ИНН ${c.inn})`).join('; ') || '—'}
                </Text>
              </Card>
            ))}
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
