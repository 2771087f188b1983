/** Pieces the cabinet's forms share: a titled section card, the general error of a request, the submit row, a copy button, a дд.мм.гггг date field, a date-and-time pair. */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, CopyButton, Group, Stack, Title } from '@mantine/core';
import { DateInput, TimePicker, type DateInputProps } from '@mantine/dates';
import { errorMessage, hasFieldErrors } from '../api/client';
import { parseRuDate } from '../lib/dates';

/** A titled card of a settings page (its title is also its accessible name unless `label` says otherwise). */
export function Section({ title, label, right, children }: { title: ReactNode; label?: string; right?: ReactNode; children: ReactNode }) {
  const heading = (
    <Title order={2} size="h4">
      {title}
    </Title>
  );
  return (
    <Card withBorder component="section" aria-label={label ?? (typeof title === 'string' ? title : undefined)}>
      <Stack gap="sm">
        {right ? (
          <Group justify="space-between">
            {heading}
            {right}
          </Group>
        ) : (
          heading
        )}
        {children}
      </Stack>
    </Card>
  );
}

/**
 * The message of a failed request above a form — unless the server named the
 * fields at fault, which then show their own messages.
 */
export function FormError({ error, title, variant, color = 'red' }: { error: unknown; title?: string; variant?: 'light' | 'filled'; color?: string }) {
  if (!error || hasFieldErrors(error)) return null;
  return (
    <Alert color={color} variant={variant} role="alert" title={title}>
      {errorMessage(error)}
    </Alert>
  );
}

/** The row that ends a form: its submit button («Сохранить» unless told), spinning while the request runs. */
export function SubmitRow({ pending, children = 'Сохранить' }: { pending: boolean; children?: ReactNode }) {
  return (
    <Group>
      <Button type="submit" loading={pending}>
        {children}
      </Button>
    </Group>
  );
}

/** Copies `value` to the clipboard; says «Скопировано» for a moment. */
export function CopyValueButton({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="xs" variant="light" onClick={copy}>
          {copied ? 'Скопировано' : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** A date field typed as дд.мм.гггг (also д.м.гггг or гггг-мм-дд). */
export function RuDateInput(props: DateInputProps) {
  return <DateInput placeholder="дд.мм.гггг" valueFormat="DD.MM.YYYY" dateParser={parseRuDate} {...props} />;
}

/**
 * A moment as two fields, the day (дд.мм.гггг) and the time (чч:мм). The value is 'ГГГГ-ММ-ДДTЧЧ:мм', or '' while
 * no day is given; each field commits as it changes, so what the fields show is what the form holds. Until the
 * time is changed the time field shows `defaultTime`, and that is the time held with a picked day. While the time
 * is half typed (or cleared) the field says «Время: введите чч:мм» and the value ends in 'T' with no time
 * ('ГГГГ-ММ-ДДT', or 'T' with no day): `isWholeMoment` is false, and a form must not be saved with it.
 */
export function RuDateTimeInput({
  dateLabel,
  timeLabel,
  value,
  onChange,
  error,
  defaultTime = '00:00',
}: {
  dateLabel: string;
  timeLabel: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  defaultTime?: string;
}) {
  // The last whole time: the picker's own value, left alone while a part is being typed (giving it '' would wipe
  // what is typed); `incomplete` says the picker shows less than a whole time.
  const [time, setTime] = useState(value.slice(11, 16) || defaultTime);
  const [incomplete, setIncomplete] = useState(value.endsWith('T'));
  const date = value.slice(0, 10).replace(/T$/, '') || null;
  const moment = (d: string | null, t: string | null) => (t === null ? `${d ?? ''}T` : d ? `${d}T${t}` : '');
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <RuDateInput label={dateLabel} value={date} onChange={(d) => onChange(moment(d, incomplete ? null : time))} error={error} clearable miw={150} style={{ flex: 1 }} />
      <TimePicker
        label={timeLabel}
        value={time}
        onChange={(t) => {
          if (!t) {
            setIncomplete(true);
            onChange(moment(date, null));
            return;
          }
          setIncomplete(false);
          setTime(t.slice(0, 5));
          onChange(moment(date, t.slice(0, 5)));
        }}
        error={incomplete ? 'Время: введите чч:мм' : undefined}
        hoursInputLabel={`${timeLabel}: часы`}
        minutesInputLabel={`${timeLabel}: минуты`}
        w={110}
      />
    </Group>
  );
}

/** False while a `RuDateTimeInput` holds a day without a whole time (or a half-typed time without a day). */
export function isWholeMoment(value: string): boolean {
  return !value.endsWith('T');
}
