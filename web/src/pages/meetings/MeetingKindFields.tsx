/** A meeting's kind (annual or extraordinary) and form (in person, absentee, mixed): the new meeting page and the notice stage. */
import { Group, Radio, Stack } from '@mantine/core';
import { MEETING_FORM_LABELS, MEETING_KIND_LABELS } from '../../lib/shared';

export type MeetingKind = keyof typeof MEETING_KIND_LABELS;
export type MeetingForm = keyof typeof MEETING_FORM_LABELS;

export function MeetingKindFields({ kind, form, onKind, onForm }: { kind: MeetingKind; form: MeetingForm; onKind: (k: MeetingKind) => void; onForm: (f: MeetingForm) => void }) {
  return (
    <>
      <Radio.Group label="Вид собрания" value={kind} onChange={(v) => onKind(v as MeetingKind)}>
        <Group mt={4}>
          {Object.entries(MEETING_KIND_LABELS).map(([k, l]) => (
            <Radio key={k} value={k} label={l} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group label="Форма проведения" value={form} onChange={(v) => onForm(v as MeetingForm)}>
        <Stack mt={4} gap={6}>
          {Object.entries(MEETING_FORM_LABELS).map(([k, l]) => (
            <Radio key={k} value={k} label={l} />
          ))}
        </Stack>
      </Radio.Group>
    </>
  );
}
