/**
 * Decimal numbers as typed, compared and added exactly (no binary floating point): at a rule's boundary
 * 19.999 hours is below 20, and 19.99 stays 19.99. Non-negative only: amounts of time.
 */

/** `digits / 10^scale`. */
export interface ExactDecimal {
  digits: bigint;
  scale: number;
}

/** `"19.999"` → 19999 / 10^3; undefined when the text is not a plain non-negative decimal. */
export function parseDecimal(text: string): ExactDecimal | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const fraction = m[2] ?? '';
  return { digits: BigInt(`${m[1]}${fraction}`), scale: fraction.length };
}

/** A finite number from a program definition (thresholds such as 20 or 17.5) as an exact decimal. */
export function fromNumber(n: number): ExactDecimal {
  const parsed = parseDecimal(String(n));
  if (!parsed) throw new RangeError(`not a plain non-negative decimal: ${n}`);
  return parsed;
}

function aligned(a: ExactDecimal, b: ExactDecimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.digits * 10n ** BigInt(scale - a.scale), b.digits * 10n ** BigInt(scale - b.scale), scale];
}

export function add(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y, scale] = aligned(a, b);
  return { digits: x + y, scale };
}

export function multiply(a: ExactDecimal, factor: number): ExactDecimal {
  return { digits: a.digits * BigInt(factor), scale: a.scale };
}

/** -1, 0 or 1. */
export function compare(a: ExactDecimal, b: ExactDecimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The whole part, rounded down (an amount stored as whole minutes never crosses a boundary it did not reach). */
export function floor(a: ExactDecimal): number {
  return Number(a.digits / 10n ** BigInt(a.scale));
}
