/** The API shapes of applications, the operator's queue and the thread (TypeBox). */
import { Type, type TSchema } from '@sinclair/typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { STATUSES } from './state-machine.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const StatusSchema = Type.Union(
  STATUSES.map((s) => Type.Literal(s)),
  { description: 'draft — Черновик, submitted — На рассмотрении, needs_info — Требуется дополнение, approved — Одобрено, rejected — Отклонено, withdrawn — Отозвано заявителем' },
);
export const KindSchema = Type.Union([Type.Literal('permit'), Type.Literal('amendment')], { description: 'permit — выдача разрешения, amendment — внесение изменений в разрешение' });
export const ActionSchema = Type.Union(['submit', 'request_info', 'resubmit', 'approve', 'reject', 'withdraw'].map((a) => Type.Literal(a)));

const FieldErrorSchema = Type.Object({ field: Type.String(), message: Type.String() });

export const ReviewClock = Type.Object(
  {
    days: Type.Integer({ description: 'Срок рассмотрения, рабочих дней' }),
    dueOn: IsoDate,
    running: Type.Boolean({ description: 'Срок идёт (заявление на рассмотрении)' }),
    workingDaysLeft: Nullable(Type.Integer({ description: 'Осталось рабочих дней (отрицательное — просрочено)' })),
    overdue: Type.Boolean(),
  },
  { description: 'Срок рассмотрения в рабочих днях по производственному календарю' },
);

export const FileSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  kindLabel: Type.String(),
  fileName: Type.String(),
  fileType: Type.String({ description: 'Тип по содержимому: pdf, rtf, doc, docx, xls, xlsx, jpeg, tiff' }),
  sizeBytes: Type.Integer(),
  uploadedAt: DateTime,
  uploadedBy: Type.String(),
  messageId: Nullable(Type.Integer()),
  url: Type.String(),
});

export const LineSchema = Type.Object({
  position: Type.Integer(),
  wasteCode: Nullable(Type.String()),
  wasteName: Nullable(Type.String()),
  hazardClass: Nullable(Type.Integer()),
  volume: Nullable(Type.String({ description: 'Планируемый объём, м³' })),
  mass: Nullable(Type.String({ description: 'Планируемая масса, т' })),
  facilities: Type.Array(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      name: Type.String(),
      organizationId: Uuid,
      organizationName: Type.String(),
      accepts: Type.Boolean({ description: 'Объект принимает этот код ФККО' }),
      active: Type.Boolean(),
    }),
  ),
});

export const CarrierSchema = Type.Object({
  inn: Type.String(),
  organizationId: Nullable(Uuid),
  name: Nullable(Type.String()),
  registered: Type.Boolean(),
  isCarrier: Type.Boolean(),
  suspended: Type.Boolean(),
  inviteEmail: Nullable(Type.String()),
  invitedAt: Nullable(DateTime),
});

export const ApplicationCardSchema = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'Номер заявления, например ЗР-2026-000001' }),
  kind: KindSchema,
  status: StatusSchema,
  statusLabel: Type.String(),
  version: Type.Integer({ description: 'Версия для оптимистической блокировки: передавайте её в PATCH и при подаче' }),
  round: Type.Integer({ description: 'Сколько раз заявление подавалось' }),
  organization: Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() }),
  site: Nullable(Type.Object({ id: Uuid, name: Type.String(), address: Type.String(), archived: Type.Boolean() })),
  permit: Nullable(Type.Object({ id: Uuid, number: Type.String(), version: Type.Integer(), validFrom: IsoDate, validTo: IsoDate })),
  issuedVersion: Nullable(Type.Integer()),
  worksFrom: Nullable(IsoDate),
  worksTo: Nullable(IsoDate),
  district: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  lines: Type.Array(LineSchema),
  carriers: Type.Array(CarrierSchema),
  files: Type.Array(FileSchema),
  createdAt: DateTime,
  createdBy: Nullable(Type.String()),
  updatedAt: DateTime,
  firstSubmittedAt: Nullable(DateTime),
  submittedAt: Nullable(DateTime),
  submittedBy: Nullable(Type.String()),
  review: Nullable(ReviewClock),
  infoRequest: Nullable(Type.Object({ text: Type.String(), dueOn: Nullable(IsoDate), overdue: Type.Boolean() })),
  decision: Nullable(
    Type.Object({ at: DateTime, by: Nullable(Type.String()), reasonCode: Nullable(Type.String()), reasonText: Nullable(Type.String()), comment: Nullable(Type.String()) }),
  ),
  assignee: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  unread: Type.Integer({ description: 'Непрочитанные сообщения переписки' }),
  missing: Type.Array(FieldErrorSchema, { description: 'Что ещё не заполнено для подачи (все пункты сразу)' }),
  stages: Type.Array(Type.Object({ key: Type.String(), title: Type.String(), done: Type.Boolean(), current: Type.Boolean(), note: Nullable(Type.String()) })),
  allowedActions: Type.Array(ActionSchema),
  editable: Type.Boolean(),
});

export const MyApplicationRow = Type.Object({
  id: Uuid,
  number: Type.String(),
  kind: KindSchema,
  status: StatusSchema,
  statusLabel: Type.String(),
  siteName: Nullable(Type.String()),
  permitNumber: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
  submittedAt: Nullable(DateTime),
  review: Nullable(ReviewClock),
  infoDueOn: Nullable(IsoDate),
  reasonText: Nullable(Type.String()),
  unread: Type.Integer(),
  needsAction: Type.Boolean(),
});

export const QueueRow = Type.Object({
  id: Uuid,
  number: Type.String(),
  kind: KindSchema,
  status: StatusSchema,
  statusLabel: Type.String(),
  round: Type.Integer(),
  applicant: Type.Object({ id: Uuid, name: Type.String(), inn: Type.String() }),
  siteName: Nullable(Type.String()),
  district: Nullable(Type.String()),
  submittedAt: DateTime,
  review: Nullable(ReviewClock),
  infoDueOn: Nullable(IsoDate),
  assignee: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  unread: Type.Integer(),
});

export const CursorPage = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String({ description: 'Курсор следующей страницы' })) });

export const HistoryRow = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  action: Type.String(),
  actionLabel: Type.String(),
  who: Nullable(Type.String()),
  organization: Nullable(Type.String()),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  changes: Type.Array(Type.Object({ field: Type.String(), label: Type.String(), before: Nullable(Type.String()), after: Nullable(Type.String()) })),
  comment: Nullable(Type.String()),
});

export const MessageSchema = Type.Object({
  id: Type.Integer(),
  side: Type.Union([Type.Literal('applicant'), Type.Literal('operator')]),
  author: Type.String(),
  mine: Type.Boolean(),
  text: Type.String(),
  createdAt: DateTime,
  unread: Type.Boolean(),
  files: Type.Array(Type.Object({ id: Uuid, fileName: Type.String(), fileType: Type.String(), sizeBytes: Type.Integer(), url: Type.String() })),
});

export const PatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'Версия, на которой сделано изменение' }),
    general: Type.Optional(
      Type.Object(
        {
          siteId: Type.Optional(Nullable(Uuid)),
          worksFrom: Type.Optional(Nullable(IsoDate)),
          worksTo: Type.Optional(Nullable(IsoDate)),
          district: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
          comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
        },
        { additionalProperties: false },
      ),
    ),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            wasteCode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
            volume: Type.Optional(Nullable(Type.Union([Type.String({ maxLength: 20 }), Type.Number()]))),
            mass: Type.Optional(Nullable(Type.Union([Type.String({ maxLength: 20 }), Type.Number()]))),
            facilityObjectIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    carriers: Type.Optional(
      Type.Array(
        Type.Object({ inn: Type.String({ maxLength: 14 }), inviteEmail: Type.Optional(Nullable(Type.String({ maxLength: 254 }))) }, { additionalProperties: false }),
        { maxItems: 30 },
      ),
    ),
  },
  { additionalProperties: false },
);
