/** Background job of the statements feature. */
import { defineJob } from '../../platform/jobs/index.js';
import { failureReason, generateStatement, loadStatement, markFailed } from './generate-statement.js';

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
  async giveUp(ctx, payload, reason) {
    const st = await loadStatement(ctx, payload.statementId);
    if (!st || st.status === 'ready' || st.status === 'failed') return;
    await markFailed(
      ctx,
      st,
      reason.kind === 'crashed'
        ? `Формирование сведений дважды аварийно прервалось, поэтому повторять его не будем. Закажите сведения повторно; если это повторится, обратитесь в службу поддержки.`
        : failureReason(reason.error, reason.attempts),
    );
  },
});
