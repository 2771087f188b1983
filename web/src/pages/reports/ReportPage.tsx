/**
 * A report: its figures by ФККО code, saying which came from where (filled by
 * the system — and from what — changed, entered), the balance errors under
 * the fields they are about, supporting files, «Отправить» after a
 * confirmation, then the registration number and the signed PDF of each
 * version; «Исправить» makes the next version. The operator sees the filed
 * report and may return it for correction with a reason.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, FileButton, Group, List, Modal, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ListTable } from '../../components/ListTable';
import { notifications } from '@mantine/notifications';
import { ApiError, api, call, errorMessage } from '../../api/client';
import { apiHref, sendReportFile } from '../../api/files';
import { useAuth } from '../../auth';
import { ErrorAlert, Loading, PageTitle } from '../../components/PageState';
import { fmtDate, fmtDateTime, fmtDecimal } from '../../lib/format';
import { reportKey, useReport, type ReportCard } from './queries';
import { STATUS_COLOR } from './ReportsPage';

const fkko = (code: string) => (/^\d{11}$/.test(code) ? `${code[0]} ${code.slice(1, 3)} ${code.slice(3, 6)} ${code.slice(6, 8)} ${code.slice(8, 10)} ${code[10]}` : code);
const SOURCE_TEXT: Record<string, string> = {
  trips: 'из принятых рейсов',
  previous: 'из предыдущего отчёта',
  permit: 'из разрешения',
  reports: 'из месячных отчётов',
};
/** A figure as typed in Russian: '12.500' → '12,5'. */
const typed = (v: string | null | undefined) => (v === null || v === undefined ? '' : v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '').replace('.', ','));

type Row = { code: string; facilityId: string | null; values: Record<string, string> };

function fromCard(c: ReportCard): Row[] {
  return c.rows.map((r) => ({ code: r.code, facilityId: r.facilityId, values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, typed(v)])) }));
}

export function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  if (report.isPending) return <Loading label="Загрузка отчёта…" />;
  if (report.isError) return <ErrorAlert error={report.error} title="Не удалось открыть отчёт" />;
  return <ReportForm card={report.data} />;
}

function ReportForm({ card }: { card: ReportCard }) {
  const qc = useQueryClient();
  const { hasRole } = useAuth();
  const [rows, setRows] = useState<Row[]>(() => fromCard(card));
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [newCode, setNewCode] = useState('');
  const [sent, setSent] = useState<{ number: string; version: number } | null>(null);
  useEffect(() => {
    setRows(fromCard(card));
    setSaveErrors({});
  }, [card.id, card.revision]);
  const dirty = useMemo(() => JSON.stringify(rows) !== JSON.stringify(fromCard(card)), [rows, card]);
  const checkErrors = useMemo(() => Object.fromEntries(card.errors.map((e) => [e.field, e.message])), [card.errors]);
  const errorOf = (field: string) => saveErrors[field] ?? (dirty ? undefined : checkErrors[field]);
  const put = (c: ReportCard) => qc.setQueryData(reportKey(card.id), c);

  const save = async (): Promise<ReportCard | null> => {
    setBusy('save');
    try {
      const c = await call(api.PUT('/api/reports/{id}', { params: { path: { id: card.id } }, body: { revision: card.revision, rows: rows.map((r) => ({ code: r.code, facilityId: r.facilityId, values: r.values })) } }));
      put(c);
      setSaveErrors({});
      void qc.invalidateQueries({ queryKey: ['reports', 'mine'] });
      return c;
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) setSaveErrors(e.fieldErrors());
      notifications.show({ color: 'red', message: errorMessage(e) });
      return null;
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    setBusy('submit');
    try {
      const c = dirty ? await save() : card;
      if (!c) return;
      if (c.errors.length) {
        setConfirming(false);
        notifications.show({ color: 'red', message: `В отчёте ошибок: ${c.errors.length}. Исправьте поля, отмеченные красным` });
        return;
      }
      const r = await call(api.POST('/api/reports/{id}/submit', { params: { path: { id: card.id } }, body: { revision: c.revision, confirm: true } }));
      put(r.card);
      setSent({ number: r.number, version: r.version });
      setConfirming(false);
      void qc.invalidateQueries({ queryKey: ['reports', 'mine'] });
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) setSaveErrors(e.fieldErrors());
      setConfirming(false);
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const correct = async () => {
    setBusy('correct');
    try {
      put(await call(api.POST('/api/reports/{id}/correction', { params: { path: { id: card.id } } })));
      setSent(null);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const sendBack = async () => {
    setBusy('return');
    try {
      put(await call(api.POST('/api/operator/reports/{id}/return', { params: { path: { id: card.id } }, body: { reason } })));
      setReturning(false);
      notifications.show({ color: 'teal', message: 'Отчёт возвращён на исправление' });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const attach = async (file: File | null) => {
    if (!file) return;
    setBusy('file');
    try {
      await sendReportFile(card.id, file);
      await qc.invalidateQueries({ queryKey: reportKey(card.id) });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const setValue = (i: number, key: string, v: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, values: { ...r.values, [key]: v } } : r)));
  const addRow = () => {
    const code = newCode.replace(/\s/g, '');
    if (!code) return;
    setRows((rs) => [...rs, { code, facilityId: null, values: Object.fromEntries(card.columns.map((c) => [c.key, ''])) }]);
    setNewCode('');
  };
  const edit = card.can.edit;
  const latest = card.versions[0];

  return (
    <>
      <Breadcrumbs mb="xs" aria-label="Путь">
        <Anchor component={Link} to={hasRole('operator') ? '/operator/reports' : '/reports'} size="sm">
          Отчётность
        </Anchor>
        <Text size="sm" c="dimmed">
          {card.kindTitle}
        </Text>
      </Breadcrumbs>
      <PageTitle
        subtitle={
          <>
            {card.organization.name}
            {card.subject ? ` · ${card.subject.name}` : ''} · срок подачи — {fmtDate(card.deadline)}
          </>
        }
        right={
          <Badge color={STATUS_COLOR[card.status]} size="lg" variant="light">
            {card.statusLabel}
            {card.filedVersion > 0 ? ` · версия ${card.filedVersion}` : ''}
          </Badge>
        }
      >
        {card.title} — {card.periodText}
      </PageTitle>
      <Stack gap="md">
        {(sent || card.number) && (
          <Alert color={card.status === 'submitted' ? 'teal' : 'blue'} title={sent ? 'Отчёт отправлен' : undefined} aria-label="Регистрация">
            <Text>
              Регистрационный № <b data-testid="report-number">{sent?.number ?? card.number}</b>
              {latest ? `, версия ${latest.version} от ${fmtDateTime(latest.submittedAt)}` : ''}
            </Text>
            {latest &&
              (latest.pdf ? (
                <Group gap="xs" mt="xs">
                  <Button component="a" href={latest.pdf.url} size="xs" variant="light">
                    Подписанный PDF
                  </Button>
                  <Button component="a" href={latest.pdf.signatureUrl} size="xs" variant="default">
                    Подпись (.sig)
                  </Button>
                  <Anchor href={latest.pdf.verifyUrl} size="sm" target="_blank">
                    Проверить по коду
                  </Anchor>
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  Подписанный PDF формируется…
                </Text>
              ))}
          </Alert>
        )}
        {card.returnReason && card.status === 'correction' && (
          <Alert color="orange" title="Возвращён оператором на исправление">
            {card.returnReason}
          </Alert>
        )}
        {card.basis.length > 0 && (
          <Card component="section" aria-label="Откуда сведения">
            <Title order={2} size="h5" mb={4}>
              Откуда сведения
            </Title>
            <List size="sm" spacing={2}>
              {card.basis.map((b) => (
                <List.Item key={b}>{b}</List.Item>
              ))}
            </List>
          </Card>
        )}
        <Card component="section" aria-label="Сведения отчёта">
          <Table.ScrollContainer minWidth={320 + card.columns.length * 130}>
            <Table withColumnBorders verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Вид отходов</Table.Th>
                  {card.columns.map((c) => (
                    <Table.Th key={c.key} style={{ minWidth: 120 }}>
                      {c.label}, {c.unit}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => {
                  const shown = card.rows.find((x) => x.code === r.code && x.facilityId === r.facilityId);
                  return (
                    <Table.Tr key={`${r.code}|${r.facilityId ?? ''}`}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {fkko(r.code)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {shown?.facilityName ?? shown?.name ?? ''}
                        </Text>
                        {saveErrors[`rows[${i}].code`] && (
                          <Text size="xs" c="red">
                            {saveErrors[`rows[${i}].code`]}
                          </Text>
                        )}
                      </Table.Td>
                      {card.columns.map((c) => {
                        const field = `rows[${i}].${c.key}`;
                        const source = shown?.sources[c.key];
                        const pre = shown?.prefilled[c.key];
                        const changedNow = edit && pre !== undefined && pre !== null && typed(pre) !== r.values[c.key];
                        const hint =
                          c.prefill && pre !== undefined && pre !== null
                            ? changedNow || source === 'changed'
                              ? `изменено; ${SOURCE_TEXT[c.prefill]}: ${fmtDecimal(pre)}`
                              : SOURCE_TEXT[c.prefill]
                            : r.values[c.key]
                              ? 'введено'
                              : '';
                        return (
                          <Table.Td key={c.key}>
                            {edit && !c.readOnly ? (
                              <TextInput
                                size="xs"
                                inputMode="decimal"
                                aria-label={`${c.label} (${fkko(r.code)})`}
                                value={r.values[c.key] ?? ''}
                                onChange={(e) => setValue(i, c.key, e.currentTarget.value)}
                                error={errorOf(field)}
                                description={hint}
                                data-source={changedNow ? 'changed' : source}
                              />
                            ) : (
                              <>
                                <Text size="sm" ta="right" aria-label={`${c.label} (${fkko(r.code)})`}>
                                  {r.values[c.key] ? fmtDecimal(r.values[c.key].replace(',', '.')) : '—'}
                                </Text>
                                {hint && (
                                  <Text size="xs" c="dimmed" ta="right">
                                    {hint}
                                  </Text>
                                )}
                              </>
                            )}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {edit && card.kind !== 'permit_closing' && (
            <Group mt="sm" gap="xs" align="flex-end">
              <TextInput size="xs" label="Код по ФККО" placeholder="8 11 100 01 49 5" value={newCode} onChange={(e) => setNewCode(e.currentTarget.value)} />
              <Button size="xs" variant="default" onClick={addRow} disabled={!newCode.trim()}>
                Добавить строку
              </Button>
            </Group>
          )}
          {saveErrors.rows && (
            <Text c="red" size="sm" mt="xs">
              {saveErrors.rows}
            </Text>
          )}
          {edit && (
            <Group mt="md" gap="sm">
              <Button variant="default" onClick={() => void save()} loading={busy === 'save'} disabled={!dirty}>
                Сохранить
              </Button>
              {card.can.submit && (
                <Button onClick={() => setConfirming(true)} loading={busy === 'submit'}>
                  Отправить
                </Button>
              )}
              {!dirty && card.errors.length > 0 && (
                <Text size="sm" c="red" role="status">
                  Ошибок в отчёте: {card.errors.length}
                </Text>
              )}
            </Group>
          )}
          {card.kind === 'tp2_waste' && (
            <Group mt="md" gap="xs">
              <Text size="sm">Выгрузка формы 2-ТП (отходы):</Text>
              <Button component="a" size="xs" variant="default" href={apiHref('/api/reports/{id}/export/{format}', { id: card.id, format: 'pdf' })}>
                PDF
              </Button>
              <Button component="a" size="xs" variant="default" href={apiHref('/api/reports/{id}/export/{format}', { id: card.id, format: 'xlsx' })}>
                XLSX
              </Button>
              <Button component="a" size="xs" variant="default" href={apiHref('/api/reports/{id}/export/{format}', { id: card.id, format: 'xml' })}>
                XML
              </Button>
            </Group>
          )}
          {card.status === 'submitted' && !hasRole('operator') && (
            <Group mt="md" gap="sm">
              {card.can.correct ? (
                <Button variant="light" onClick={() => void correct()} loading={busy === 'correct'}>
                  Исправить
                </Button>
              ) : (
                card.can.correctionNeedsConsent && (
                  <Text size="sm" c="dimmed">
                    Срок подачи прошёл: исправить отчёт можно, если оператор вернёт его на исправление.
                  </Text>
                )
              )}
            </Group>
          )}
          {card.status === 'submitted' && hasRole('operator') && (
            <Group mt="md">
              <Button color="orange" variant="light" onClick={() => setReturning(true)}>
                Вернуть на исправление
              </Button>
            </Group>
          )}
        </Card>
        <Card component="section" aria-label="Подтверждающие документы">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h5">
              Подтверждающие документы
            </Title>
            {edit && (
              <FileButton onChange={(f) => void attach(f)} accept="application/pdf,application/xml,text/xml,.pdf,.xml">
                {(props) => (
                  <Button size="xs" variant="default" loading={busy === 'file'} {...props}>
                    Приложить PDF или XML
                  </Button>
                )}
              </FileButton>
            )}
          </Group>
          {card.files.length === 0 ? (
            <Text size="sm" c="dimmed">
              Файлов нет
            </Text>
          ) : (
            <Stack gap={4}>
              {card.files.map((f) => (
                <Group key={f.id} gap="xs">
                  <Anchor href={apiHref('/api/reports/{id}/files/{fileId}', { id: card.id, fileId: f.id })} size="sm">
                    {f.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {f.type.toUpperCase()}, {Math.max(1, Math.round(f.bytes / 1024))} КБ{f.version ? ` · подан с версией ${f.version}` : ''}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        {card.versions.length > 0 && (
          <Card component="section" aria-label="Поданные версии">
            <Title order={2} size="h5" mb="xs">
              Поданные версии
            </Title>
            <Stack gap="sm">
              {card.versions.map((v) => (
                <Card key={v.id} withBorder padding="sm" aria-label={`Версия ${v.version}`}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text fw={600}>
                      Версия {v.version} · {fmtDateTime(v.submittedAt)}
                      {v.submittedBy ? `, ${v.submittedBy}` : ''}
                    </Text>
                    <Group gap="xs">
                      {v.late && <Badge color="red">после срока</Badge>}
                      {v.pdf ? (
                        <Button component="a" href={v.pdf.url} size="xs" variant="light">
                          PDF версии {v.version}
                        </Button>
                      ) : (
                        <Text size="xs" c="dimmed">
                          PDF формируется…
                        </Text>
                      )}
                    </Group>
                  </Group>
                  <ListTable minWidth={320 + card.columns.length * 110} fz="xs" mt="xs" columns={['Код', ...card.columns.map((c) => c.label)]}>
                    {v.rows.map((r) => (
                      <Table.Tr key={`${r.code}|${r.facilityId ?? ''}`}>
                        <Table.Td>{fkko(r.code)}</Table.Td>
                        {card.columns.map((c) => (
                          <Table.Td key={c.key}>{r.values[c.key] ? fmtDecimal(r.values[c.key]!) : '—'}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </ListTable>
                </Card>
              ))}
            </Stack>
          </Card>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Отправить отчёт?" centered>
        <Text size="sm" mb="md">
          {card.title} за {card.periodText}. После отправки отчёт получит регистрационный номер и станет подписанным документом; изменить его можно будет только исправлением (новой версией)
          {` до ${fmtDate(card.deadline)}`}, позже — с согласия оператора.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Отмена
          </Button>
          <Button onClick={() => void submit()} loading={busy === 'submit'}>
            Подтвердить и отправить
          </Button>
        </Group>
      </Modal>
      <Modal opened={returning} onClose={() => setReturning(false)} title="Вернуть на исправление" centered>
        <Textarea label="Причина" description="Что нужно исправить — это увидит организация" value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setReturning(false)}>
            Отмена
          </Button>
          <Button color="orange" onClick={() => void sendBack()} loading={busy === 'return'} disabled={reason.trim().length < 5}>
            Вернуть
          </Button>
        </Group>
      </Modal>
    </>
  );
}
