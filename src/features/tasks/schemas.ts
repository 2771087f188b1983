/** The task as the API shows it (shared by the features that answer with tasks). */
import { Type } from '@sinclair/typebox';
import { Uuid } from '../../platform/http/schemas.js';

export const TaskSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('cancelled')]),
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
