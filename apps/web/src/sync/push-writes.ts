import type { FieldWriteMessage, PushResponse } from "@chalan/core";
import type { ChalanDb } from "../store/db";
import { deviceId } from "../store/device";
import type { Session } from "../store/session";

/** The server takes at most this many writes per push. */
const BATCH = 500;

/**
 * Pushes the op log's field writes not yet acknowledged (docs/sync.md), oldest first, in batches.
 * An entry is marked pushed only once the server answered that it holds every write in it; a write
 * it refuses is kept with the server's reason and not sent again. Returns false when the server
 * could not be reached or would not take the sign-in: the rest waits for the next pass.
 */
export async function pushWrites(
  db: ChalanDb,
  session: Session,
  fetchFn: typeof fetch,
): Promise<boolean> {
  const device = await deviceId(db);
  const waiting = await db.mutations
    .where("pushed")
    .equals(0)
    .filter((m) => m.kind === "fields" && (m.writes?.length ?? 0) > 0)
    .sortBy("seq");
  while (waiting.length > 0) {
    const batch: typeof waiting = [];
    let count = 0;
    while (waiting.length > 0 && count + (waiting[0]?.writes?.length ?? 0) <= BATCH) {
      const m = waiting.shift() as (typeof waiting)[number];
      batch.push(m);
      count += m.writes?.length ?? 0;
    }
    const writes: FieldWriteMessage[] = batch.flatMap((m) =>
      (m.writes ?? []).map((w) => ({ ...w, invoiceId: m.invoiceId })),
    );
    let answer: PushResponse;
    try {
      const res = await fetchFn("/api/sync/push", {
        method: "POST",
        headers: { authorization: `Bearer ${session.token}`, "content-type": "application/json" },
        body: JSON.stringify({ device, writes }),
      });
      if (!res.ok) return false;
      answer = (await res.json()) as PushResponse;
    } catch {
      return false;
    }
    const accepted = new Set(answer.accepted);
    const refused = new Map(answer.rejected.map((r) => [r.id, r.reason]));
    await db.transaction("rw", db.mutations, async () => {
      for (const m of batch) {
        const ids = (m.writes ?? []).map((w) => w.id);
        const reasons = ids.flatMap((id) => refused.get(id) ?? []);
        if (ids.every((id) => accepted.has(id) || refused.has(id))) {
          await db.mutations.update(m.seq as number, {
            pushed: 1,
            ...(reasons.length > 0 && { pushError: reasons.join("; ") }),
          });
        }
      }
    });
  }
  return true;
}
