/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter for events within one
 * millisecond or behind a clock that runs slow, and the device id to break ties. Every write on
 * every device gets a timestamp that sorts after everything that device had seen, whatever its
 * clock says, so "the later write" means the same thing on every device and on the server.
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

/** A device's next timestamp for a local event. */
export function tick(last: Hlc | null, node: string, now: number): Hlc {
  if (!last || now > last.wall) return { wall: now, counter: 0, node };
  return { wall: last.wall, counter: last.counter + 1, node };
}

/** A device's clock after receiving a remote timestamp: after both, and after its own wall clock. */
export function receive(last: Hlc | null, remote: Hlc, node: string, now: number): Hlc {
  const wall = Math.max(now, remote.wall, last?.wall ?? 0);
  const fromLast = last && last.wall === wall ? last.counter + 1 : 0;
  const fromRemote = remote.wall === wall ? remote.counter + 1 : 0;
  return { wall, counter: Math.max(fromLast, fromRemote), node };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return (
    a.wall - b.wall || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0)
  );
}

/** `0001733134561234-00002-<node>`: sorts as text in the same order as compareHlc. */
export function formatHlc(h: Hlc): string {
  return `${String(h.wall).padStart(16, "0")}-${String(h.counter).padStart(5, "0")}-${h.node}`;
}

const HLC_TEXT = /^(\d{16})-(\d{5})-(.+)$/;

export function parseHlc(text: string): Hlc {
  const m = HLC_TEXT.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) throw new RangeError(`not a hybrid logical timestamp: ${text}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] };
}
