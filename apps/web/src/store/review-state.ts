import { ReviewState } from "@chalan/core";
import type { ChalanDb } from "./db";
import { json, serverCall } from "./server-call";

/** The statuses only the server gives: an invoice approved for the books, and in them. */
const BOOKED = new Set(["approved", "posted"]);

/**
 * The server's checks, supplier match and approval of an invoice it holds. Whether it is approved,
 * posted, or reopened by an edit since is the server's to say, so this device's copy takes that
 * too; other statuses the device works out itself from what it holds (its conflicts may not have
 * reached the server yet).
 */
export async function fetchReviewState(db: ChalanDb, id: string): Promise<ReviewState> {
  return keepStatus(db, id, ReviewState.parse(await serverCall(db, `/api/invoices/${id}`, {})));
}

async function keepStatus(db: ChalanDb, id: string, state: ReviewState): Promise<ReviewState> {
  await db.transaction("rw", db.invoices, async () => {
    const local = await db.invoices.get(id);
    if (local && (BOOKED.has(state.status) || BOOKED.has(local.status))) {
      await db.invoices.update(id, { status: state.status, reviewReasons: state.reviewReasons });
    }
  });
  return state;
}

/**
 * Approves the invoice for the books, accepting the server's warnings in the approver's name. The
 * server refuses while errors or conflicts stand; once it agrees, this device shows it approved.
 */
export async function approveInvoice(
  db: ChalanDb,
  id: string,
  acceptWarnings: boolean,
): Promise<ReviewState> {
  const state = ReviewState.parse(
    await serverCall(db, `/api/invoices/${id}/approve`, {
      method: "POST",
      ...json({ acceptWarnings }),
    }),
  );
  return keepStatus(db, id, state);
}

/**
 * Names the invoice's supplier. The server learns the invoice's spelling as an alias (so the next
 * one is matched unasked) and checks the invoice again against that supplier.
 */
export async function chooseSupplier(
  db: ChalanDb,
  id: string,
  supplierId: string,
): Promise<ReviewState> {
  return ReviewState.parse(
    await serverCall(db, `/api/invoices/${id}/supplier`, {
      method: "POST",
      ...json({ supplierId }),
    }),
  );
}
