/** Edit distance: insertions, deletions and substitutions, each costing one. */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** 1 − normalised edit distance, ignoring case and spaces: how alike two names read. */
export function textSimilarity(a: string, b: string): number {
  const x = a.toLowerCase().replace(/\s+/g, "");
  const y = b.toLowerCase().replace(/\s+/g, "");
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
}

/**
 * What the form nearest (in edits) to any of the readings stands for, when it is at most
 * `maxEdits` away and every form of anything else is at least `margin` edits farther.
 */
export function nearestMeaning<T>(
  readings: readonly string[],
  forms: ReadonlyArray<readonly [string, T]>,
  maxEdits: number,
  margin: number,
): T | undefined {
  // Every word of every line asks, the same words on every page: remember the answers, up to
  // ten thousand per set of forms.
  const memo = remembered.get(forms) ?? new Map<string, unknown>();
  remembered.set(forms, memo);
  const key = `${maxEdits} ${margin} ${readings.join("\u0000")}`;
  if (memo.has(key)) return memo.get(key) as T | undefined;
  if (memo.size >= REMEMBERED) memo.clear();
  const found = nearest(readings, forms, maxEdits, margin);
  memo.set(key, found);
  return found;
}

const REMEMBERED = 10_000;
const remembered = new WeakMap<object, Map<string, unknown>>();

function nearest<T>(
  readings: readonly string[],
  forms: ReadonlyArray<readonly [string, T]>,
  maxEdits: number,
  margin: number,
): T | undefined {
  const distance = new Map<T, number>();
  // A form longer or shorter by more than this is too far to be the nearest or to rival it.
  const reach = maxEdits + margin;
  for (const [form, meaning] of forms) {
    const near = readings.filter((r) => Math.abs(r.length - form.length) <= reach);
    if (near.length === 0) continue;
    const d = Math.min(...near.map((r) => levenshtein(r, form)));
    distance.set(meaning, Math.min(d, distance.get(meaning) ?? d));
  }
  const [best, next] = [...distance].sort((a, b) => a[1] - b[1]);
  if (!best || best[1] > maxEdits) return undefined;
  return !next || next[1] >= best[1] + margin ? best[0] : undefined;
}
