/**
 * «Записать платёж» (receiving facility): a payment received outside a bank statement, by hand — to a
 * chosen invoice, or matched like a statement's line (by the invoice number in the purpose, or by the
 * payer's ИНН and the amount). The server's messages name the field; they are shown under it.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Anchor, Button, Card, Grid, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, fieldError } from '../../api/client';
import { PageTitle } from '../../components/PageState';
import { FormError, RuDateInput } from '../../components/forms';
import { fmtDate, fmtRub, moscowToday, shortOrg } from '../../lib/format';
import { MONEY_KEY, MATCH_LABEL, useInvoices } from './queries';

interface Form {
  payerInn: string;
  payerName: string;
  amount: string;
  paidOn: string | null;
  docNumber: string;
  purpose: string;
  invoiceId: string;
}

export function NewPaymentPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState<Form>({ payerInn: '', payerName: '', amount: '', paidOn: moscowToday(), docNumber: '', purpose: '', invoiceId: '' });
  const open = useInvoices({ side: 'owed', pageSize: 100 });
  const unpaid = (open.data?.items ?? []).filter((i) => i.state !== 'paid');
  const save = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/payments', {
          body: { payerInn: v.payerInn.trim(), payerName: v.payerName.trim() || null, amount: v.amount, paidOn: v.paidOn ?? '', docNumber: v.docNumber, purpose: v.purpose || null, invoiceId: v.invoiceId || null },
        }),
      ),
    onSuccess: (p) => {
      notifications.show({ color: p.invoice ? 'teal' : 'orange', title: `Платёж № ${p.docNumber} записан`, message: `${MATCH_LABEL[p.match].label}${p.invoice ? ` · счёт № ${p.invoice.number}` : ''}${p.matchNote ? `. ${p.matchNote}` : ''}` });
      void qc.invalidateQueries({ queryKey: MONEY_KEY });
      navigate('/settlements');
    },
  });
  const err = (f: string) => fieldError(save.error, f);
  const pick = (id: string) => {
    const i = unpaid.find((x) => x.id === id);
    setV({ ...v, invoiceId: id, ...(i && !v.payerInn ? { payerInn: i.payer.inn, payerName: i.payer.name } : {}), ...(i && !v.amount ? { amount: i.due.replace('.', ',') } : {}) });
  };
  return (
    <>
      <PageTitle subtitle="Оплата, поступившая не через загруженную банковскую выписку" right={<Anchor component={Link} to="/settlements">← Расчёты</Anchor>}>
        Записать платёж
      </PageTitle>
      <Card withBorder component="section" aria-label="Платёж">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm">
            <FormError error={save.error} title="Платёж не записан" />
            <Grid>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <NativeSelect
                  label="Счёт"
                  description="Если не выбран — платёж будет сопоставлен по номеру счёта в назначении или по ИНН и сумме"
                  value={v.invoiceId}
                  onChange={(e) => pick(e.currentTarget.value)}
                  data={[{ value: '', label: 'Сопоставить автоматически' }, ...unpaid.map((i) => ({ value: i.id, label: `№ ${i.number} от ${fmtDate(i.issuedOn)} · ${shortOrg(i.payer.name)} · остаток ${fmtRub(i.due)}` }))]}
                  error={err('invoiceId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <TextInput label="ИНН плательщика" required inputMode="numeric" maxLength={12} value={v.payerInn} onChange={(e) => setV({ ...v, payerInn: e.currentTarget.value })} error={err('payerInn')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <TextInput label="Плательщик" placeholder="наименование" maxLength={500} value={v.payerName} onChange={(e) => setV({ ...v, payerName: e.currentTarget.value })} error={err('payerName')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label="Сумма, ₽" required placeholder="1 234,56" inputMode="decimal" maxLength={20} value={v.amount} onChange={(e) => setV({ ...v, amount: e.currentTarget.value })} error={err('amount')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <RuDateInput label="Дата платежа" required maxDate={moscowToday()} value={v.paidOn} onChange={(x) => setV({ ...v, paidOn: x })} error={err('paidOn')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label="Номер платёжного документа" required maxLength={40} value={v.docNumber} onChange={(e) => setV({ ...v, docNumber: e.currentTarget.value })} error={err('docNumber')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea label="Назначение платежа" autosize minRows={2} maxLength={1000} placeholder="Оплата по счёту № … от …" value={v.purpose} onChange={(e) => setV({ ...v, purpose: e.currentTarget.value })} error={err('purpose')} />
              </Grid.Col>
            </Grid>
            <Text size="xs" c="dimmed">
              Сумма в рублях с копейками; больше остатка по выбранному счёту записать нельзя.
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Записать платёж
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
