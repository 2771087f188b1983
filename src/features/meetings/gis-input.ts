/** The house's ФИАС code as typed (a GUID; empty — none). */
export function checkFias(raw: string | null): { ok: true; value: string | null } | { ok: false; error: string } {
  const v = (raw ?? '').trim().toLowerCase();
  if (!v) return { ok: true, value: null };
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) return { ok: false, error: 'укажите GUID дома по ФИАС, например 5f3b6c2a-1d4e-4f5a-9b7c-0a1b2c3d4e5f' };
  return { ok: true, value: v };
}
