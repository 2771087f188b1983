/** Shared TypeBox pieces for route schemas. */
import { Type, type TSchema } from '@sinclair/typebox';
import { problemCodes, type Problem, type ProblemCode } from './errors.js';

export const Uuid = Type.String({ format: 'uuid', description: 'Идентификатор (UUID)' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Дата ГГГГ-ММ-ДД (Europe/Moscow)' });
export const DecimalString = Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description: 'Десятичное число (строка, точное значение)' });
export const IdParams = Type.Object({ id: Uuid });

/**
 * A value or null. Null comes first on purpose: Ajv coerces types (coerceTypes), and with the
 * value's type first it would turn a null into "" before trying the null branch.
 */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export const PROBLEM_SCHEMA_ID = 'Problem';

/**
 * The problem document (RFC 9457), once in the OpenAPI document as the
 * component `Problem`: its `code` is the closed union of every registered
 * problem code (the generic ones and each feature's, see `registerProblems`),
 * so the generated web types know every code. Added to the app as a shared
 * schema by `buildServer`, after `src/features/index.ts` has registered the
 * features' tables.
 */
export const problemComponent = () =>
  Type.Object(
    {
      type: Type.String(),
      title: Type.String(),
      status: Type.Integer(),
      detail: Type.Optional(Type.String()),
      code: Type.Unsafe<ProblemCode>({ type: 'string', enum: problemCodes() }),
      errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
      requestId: Type.Optional(Type.String({ description: 'Идентификатор запроса (также в заголовке X-Request-Id): назовите его поддержке' })),
    },
    { $id: PROBLEM_SCHEMA_ID, additionalProperties: true, description: 'RFC 9457 problem+json' },
  );

/** A route's error answer: a reference to the one `Problem` component. */
export const ProblemSchema = Type.Unsafe<Problem>(Type.Ref(PROBLEM_SCHEMA_ID));

/** Standard error responses for the OpenAPI document. */
export const errorResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  422: ProblemSchema,
};

/** The error answers of a route that receives a whole file through the upload gate (`receiveUpload`): a stalled body, too large, not a spreadsheet, no free slot, and the standard ones. */
export const uploadErrorResponses = {
  408: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  503: ProblemSchema,
  ...errorResponses,
};

/**
 * Keyset paging (issue 13): `after` is the opaque cursor a previous page answered as
 * `nextCursor` (the last row's sort key); no page numbers, so a deep page costs what the first does.
 */
export const KeysetPaging = {
  after: Type.Optional(Type.String({ maxLength: 2000, description: 'Курсор: nextCursor предыдущей страницы; без него — первая страница' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

/** How many rows the list holds: exact where cheap (aggregates, small sets), otherwise an estimate or a lower bound. */
export const ListTotal = Type.Object(
  {
    value: Type.Integer({ minimum: 0 }),
    exact: Type.Boolean({ description: 'true — точное число; false — оценка («≈ value») или нижняя граница («более value»), см. bound' }),
    bound: Type.Optional(Type.Boolean({ description: 'true — строк больше, чем value (счёт остановлен на value)' })),
  },
  { description: 'Сколько всего строк по условиям' },
);

export const KeysetPage = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: 'Курсор следующей страницы; null — страница последняя' })),
    total: ListTotal,
  });
