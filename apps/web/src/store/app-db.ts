import { readPageLocally } from "../ocr/local-reader";
import { readingQueue } from "../ocr/reading-queue";
import { invoiceSender } from "../sync/send-invoices";
import { openDb } from "./db";

/** The app's one database, and the reader and the sender that work through it in the background. */
export const db = openDb();
export const sender = invoiceSender(db);
export const reader = readingQueue(db, readPageLocally, sender.nudge);
