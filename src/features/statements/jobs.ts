/** Background job of the statements feature. */
import { defineJob } from '../../platform/jobs/index.js';
import { generateStatement } from './generate-statement.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const generateStatementJob = defineJob<{ statementId: string }>({
  name: 'statements.generate',
  maxAttempts: 3,
  parse(payload) {
    const id = (payload as { statementId?: unknown } | null)?.statementId;
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('statements.generate: payload.statementId must be a uuid');
    return { statementId: id };
  },
  async run(ctx, payload, meta) {
    await generateStatement(ctx, payload.statementId, meta);
  },
});
