import type { ExtractedFields } from "@chalan/core";
import type { ChalanDb } from "../store/db";
import { failReading, readableImage, saveReading } from "../store/invoices";

export type PageReader = (
  image: Blob,
  size: { width: number; height: number },
) => Promise<{ fields: ExtractedFields; ms: number }>;

/**
 * Reads every page not read yet, oldest invoice first, one page at a time. Progress is saved per
 * page, so a reading cut short by a closed tab or a dead battery resumes where it stopped.
 */
export function readingQueue(
  db: ChalanDb,
  read: PageReader,
  /** Called after each page read: its fields are new writes to sync. */
  afterPage: () => void = () => {},
): { kick(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;

  async function drain(): Promise<void> {
    do {
      again = false;
      const pending = await db.invoices
        .where("capturedAt")
        .above(0)
        .filter((inv) => inv.reading === "waiting" || inv.reading === "reading")
        .toArray();
      for (const inv of pending) {
        try {
          for (let n = inv.pagesRead + 1; n <= inv.pageCount; n++) {
            const page = await db.pages.get([inv.id, n]);
            if (!page) throw new Error(`page ${n} is missing`);
            const image = readableImage(page);
            const { fields, ms } = image ? await read(image, page) : { fields: {}, ms: 0 };
            await saveReading(db, inv.id, n, fields, ms);
            afterPage();
          }
        } catch (e) {
          // tesseract.js rejects with a bare string, or nothing, when its worker cannot start.
          await failReading(db, inv.id, e instanceof Error ? e.message : String(e ?? "no reader"));
        }
      }
    } while (again);
  }

  return {
    kick() {
      if (running) {
        again = true;
        return running;
      }
      running = drain().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
