/** Route schemas the registers share: history, version, reason, keyset pages. */
import { Type, type TSchema } from '@sinclair/typebox';
import { Nullable, ProblemSchema } from '../../platform/http/schemas.js';
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
