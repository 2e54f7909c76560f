import { useState } from "react";
import { useTranslation } from "react-i18next";
import { reader, sender } from "../store/app-db";
import type { NewPage } from "../store/invoices";
import { CaptureError, preparePage } from "./prepare-page";

/**
 * Files in (camera, picker, drop, paste) → prepared pages handed to `keep`, with one message per
 * file that could not be kept. Files that are fine are kept even when others in the batch are not.
 */
export function usePageIntake(keep: (pages: NewPage[]) => Promise<void>) {
  const { t } = useTranslation();
  const [grayscale, setGrayscale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function take(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    setBusy(true);
    const pages: NewPage[] = [];
    const problems: string[] = [];
    for (const file of files) {
      try {
        pages.push(await preparePage(file, { grayscale }));
      } catch (e) {
        problems.push(
          e instanceof CaptureError
            ? t(`capture.error.${e.code}`, { file: e.file || "?" })
            : String(e),
        );
      }
    }
    try {
      if (pages.length > 0) {
        await keep(pages);
        void reader.kick();
        sender.nudge();
      }
    } catch (e) {
      problems.push(String(e));
    } finally {
      setErrors(problems);
      setBusy(false);
    }
  }

  return { take, busy, errors, grayscale, setGrayscale };
}
