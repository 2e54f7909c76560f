import type { ChalanDb } from "./db";

/** Invoices and edits kept here that the server has not taken yet (refused ones aside: they wait for a person). */
export async function waitingToSend(db: ChalanDb): Promise<number> {
  const invoices = await db.invoices
    .where("place")
    .notEqual("server")
    .filter((inv) => inv.sendError === undefined)
    .count();
  const edits = await db.mutations.where("pushed").equals(0).count();
  return invoices + edits;
}
