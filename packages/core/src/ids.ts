// Ids made in the same millisecond count up in the 12 bits after the timestamp (RFC 9562's
// "fixed bit-length dedicated counter"), so they sort in the order they were made: what came first
// matters (of two copies of an invoice, the later is the duplicate).
let lastMs = -1;
let counter = 0;

/**
 * UUIDv7 (RFC 9562): time-ordered, generated on the device so a record has its identity before any
 * server has seen it, and sorts by creation time in indexes, also within one millisecond.
 */
export function uuidv7(now: number = Date.now()): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  if (now === lastMs && counter < 0xfff) {
    counter++;
  } else {
    // A new millisecond starts the count low, leaving room to count up.
    lastMs = now;
    counter = (((b[6] ?? 0) << 8) | (b[7] ?? 0)) & 0x7ff;
  }
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
