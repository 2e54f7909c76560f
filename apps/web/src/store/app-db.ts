import { readPageLocally } from "../ocr/local-reader";
import { readingQueue } from "../ocr/reading-queue";
import { openDb } from "./db";

/** The app's one database and the reader that works through it in the background. */
export const db = openDb();
export const reader = readingQueue(db, readPageLocally);
