/**
 * How long a device waits before trying the server again after the `attempt`-th failure in a row
 * (0-based): exponential, capped, with full jitter (a random point in [0, ceiling]) so that phones
 * that lost the same link do not all come back in the same second.
 */
export function retryDelayMs(
  attempt: number,
  random: number,
  { baseMs = 1_000, capMs = 5 * 60_000 }: { baseMs?: number; capMs?: number } = {},
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(Math.min(Math.max(random, 0), 1) * ceiling);
}
