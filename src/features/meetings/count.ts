/**
 * Counting votes of an owners' general meeting (pure, exact).
 *
 * An owner's votes are proportional to their share in the common property,
 * i.e. to the area of their premise times their share in it (ЖК РФ ч. 3
 * ст. 48): votes = area × num/den, in m². The total of all owners' votes is the
 * total area of the house's premises. Everything is counted as exact fractions
 * (areas in hundredths as bigint, shares as num/den), never binary floats, so
 * «exactly 50 %» is exactly 50 %.
 *
 *  - quorum: the owners taking part hold more than half of all votes (ч. 3 ст. 45);
 *  - an item is accepted when the votes «за» reach the item's majority rule
 *    (MAJORITY_RULES in texts.ts): more than half of those taking part; more
 *    than half of all; at least two thirds of all; all owners. Without a quorum
 *    no decision is taken.
 */
import type { Choice, Majority } from './tables.js';

/** A non-negative fraction n/d (d > 0). */
export interface Frac {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
};
const norm = (f: Frac): Frac => {
  const g = gcd(f.n, f.d) || 1n;
  return { n: f.n / g, d: f.d / g };
};
export const frac = (n: bigint, d: bigint = 1n): Frac => norm({ n, d });
export const add = (a: Frac, b: Frac): Frac => norm({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
/** -1, 0, 1 as a·p vs b·q, i.e. compares a×k with b×m without division. */
export const cmp = (a: Frac, b: Frac): -1 | 0 | 1 => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
const mul = (a: Frac, k: bigint): Frac => norm({ n: a.n * k, d: a.d });

/** '123.45' → 12345n hundredths. */
export function hundredths(area: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(area.trim());
  if (!m) throw new Error(`area «${area}» is not a decimal with at most 2 places`);
  return BigInt(m[1] + (m[2] ?? '').padEnd(2, '0'));
}

/** A fraction of hundredths of m² as m² with 2 decimals, rounded half up: '12.35'. */
export function formatArea(f: Frac): string {
  const q = (f.n * 2n + f.d) / (2n * f.d); // round half up, in hundredths
  const s = q.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** part / whole in percent with 2 decimals, rounded half up: '50.00'. */
export function percent(part: Frac, whole: Frac): string {
  if (whole.n === 0n) return '0.00';
  // part/whole × 10000 (hundredths of a percent)
  const num = part.n * whole.d * 10000n;
  const den = part.d * whole.n;
  const q = (num * 2n + den) / (2n * den);
  const s = q.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

export interface CountOwner {
  id: string;
  /** The premise's area, m², '54.30'. */
  area: string;
  shareNum: number;
  shareDen: number;
  /** The owner's decision was received (took part). */
  voted: boolean;
  /** Choice per item id (items without a choice: the owner's decision is void on that item). */
  choices: ReadonlyMap<string, Choice>;
}

export interface CountItem {
  id: string;
  majority: Majority;
}

export interface ItemResult {
  id: string;
  majority: Majority;
  for: string;
  against: string;
  abstain: string;
  /** Percent of the rule's base (participating votes for «participants», all votes otherwise). */
  forPercent: string;
  againstPercent: string;
  abstainPercent: string;
  accepted: boolean;
}

export interface CountResult {
  totalVotes: string;
  participatingVotes: string;
  participatingPercent: string;
  participants: number;
  owners: number;
  quorum: boolean;
  items: ItemResult[];
}

/** The votes of one owner, in hundredths of m². */
export function ownerVotes(o: Pick<CountOwner, 'area' | 'shareNum' | 'shareDen'>): Frac {
  return frac(hundredths(o.area) * BigInt(o.shareNum), BigInt(o.shareDen));
}

/** Whether `forVotes` reach `rule` given all votes and the participating votes (quorum is checked apart). */
export function reaches(rule: Majority, forVotes: Frac, participating: Frac, total: Frac): boolean {
  switch (rule) {
    case 'participants':
      return cmp(mul(forVotes, 2n), participating) > 0;
    case 'more_than_half_all':
      return cmp(mul(forVotes, 2n), total) > 0;
    case 'two_thirds_all':
      return cmp(mul(forVotes, 3n), mul(total, 2n)) >= 0;
    case 'all':
      return cmp(forVotes, total) >= 0;
  }
}

/**
 * Counts a meeting. `totalArea` is the house's total area of premises (all
 * owners' votes), '5000.00'.
 */
export function countVotes(totalArea: string, owners: readonly CountOwner[], items: readonly CountItem[]): CountResult {
  const total = frac(hundredths(totalArea));
  let participating = frac(0n);
  let participants = 0;
  const sums = new Map(items.map((i) => [i.id, { for: frac(0n), against: frac(0n), abstain: frac(0n) }]));
  for (const o of owners) {
    if (!o.voted) continue;
    participants++;
    const v = ownerVotes(o);
    participating = add(participating, v);
    for (const [itemId, choice] of o.choices) {
      const s = sums.get(itemId);
      if (s) s[choice] = add(s[choice], v);
    }
  }
  const quorum = cmp(mul(participating, 2n), total) > 0;
  return {
    totalVotes: formatArea(total),
    participatingVotes: formatArea(participating),
    participatingPercent: percent(participating, total),
    participants,
    owners: owners.length,
    quorum,
    items: items.map((i) => {
      const s = sums.get(i.id)!;
      const base = i.majority === 'participants' ? participating : total;
      return {
        id: i.id,
        majority: i.majority,
        for: formatArea(s.for),
        against: formatArea(s.against),
        abstain: formatArea(s.abstain),
        forPercent: percent(s.for, base),
        againstPercent: percent(s.against, base),
        abstainPercent: percent(s.abstain, base),
        accepted: quorum && reaches(i.majority, s.for, participating, total),
      };
    }),
  };
}

/** The shares of one premise add up to exactly 1. */
export function sharesComplete(shares: readonly { num: number; den: number }[]): { sum: Frac; complete: boolean } {
  let sum = frac(0n);
  for (const s of shares) sum = add(sum, frac(BigInt(s.num), BigInt(s.den)));
  return { sum, complete: sum.n === sum.d };
}
