/** Route schemas the registers share: history, version, reason, keyset pages. */
import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { IdParams, Nullable, ProblemSchema, Uuid, errorResponses } from '../../platform/http/schemas.js';
import { REGISTER_ACTION_LABELS } from './labels.js';

/** A string from a fixed list (the keys of a labels table). */
export const Enum = <T extends string>(labels: Record<T, string>, description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: Object.keys(labels), ...(description ? { description } : {}) });

export const KeyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String()) });
export const Conflict = { 409: ProblemSchema };

export const HistorySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
      action: Enum(REGISTER_ACTION_LABELS),
      version: Type.Integer(),
      personName: Nullable(Type.String()),
      organizationName: Nullable(Type.String()),
      reason: Nullable(Type.String()),
      changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
    }),
  ),
});

export const VersionField = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Версия записи, на которой сделано изменение (оптимистическая блокировка)' });

export const ArchiveBody = Type.Object({ version: VersionField, reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false });

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });

/** A keyset page: `nextCursor` for the next one (null at the end). */
export const KeysetPage = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const KeysetQuery = {
  q: Type.Optional(Type.String({ maxLength: 200 })),
  after: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const OptText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

/** The answer to an edit: the new version and the fields it changed. */
export const Edited = Type.Object({ id: Uuid, version: Type.Integer(), changed: Type.Array(Type.String()) });

/** The schema of a register's PATCH …/:id: the version the change was made on and the fields (those not given stay). */
export const editSchema = <F extends TProperties>(tag: string, summary: string, description: string, fields: F) => ({
  tags: [tag],
  summary,
  description,
  params: IdParams,
  headers: KeyHeader,
  body: Type.Object({ version: VersionField, ...fields }, { additionalProperties: false }),
  response: { 200: Edited, ...Conflict, ...errorResponses },
});

/** The schema of a register's GET …/:id/history. */
export const historySchema = (tag: string, summary: string) => ({ tags: [tag], summary, params: IdParams, response: { 200: HistorySchema, ...errorResponses } });
