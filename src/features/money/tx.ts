/** Runs a use-case of money in a transaction of its own (the routes' way in: route files hold no SQL). */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';

export function inTransaction<T>(ctx: AppContext, use: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(use);
}
