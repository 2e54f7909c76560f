import { deviceChecks } from "./checks";
import type { ChalanDb } from "./db";
import { type ReviewItem, reviewOrder } from "./review-order";

/** The review queue as this device knows it: for the queue screen and the count in the menu. */
export async function reviewQueue(db: ChalanDb): Promise<ReviewItem[]> {
  const open = await db.invoices
    .where("status")
    .anyOf(["needs_review", "extracted", "captured"])
    .toArray();
  return reviewOrder(open, await deviceChecks(db, open));
}
