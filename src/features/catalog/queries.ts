/** Reference data: the ФККО catalogue (the carrier's vehicles are in src/features/vehicles). */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/pool.js';

/** ФККО codes and names; `term` matches the start of the code (spaces ignored) or any part of the name. */
export async function searchWasteTypes(db: Db, term: string | undefined) {
  let q = db.selectFrom('waste_types').select(['code', 'name', 'hazard_class as hazardClass']).orderBy('code');
  const t = term?.trim();
  if (t) {
    const digits = t.replace(/\s+/g, '').replace(/[%_]/g, '');
    q = q.where((eb) => eb.or([eb('code', 'like', `${digits}%`), eb(sql`name`, 'ilike', `%${t.replace(/[%_]/g, '')}%`)]));
  }
  return q.execute();
}
