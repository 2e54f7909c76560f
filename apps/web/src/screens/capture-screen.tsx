import { useLayoutEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveCamera } from "../capture/live-camera";
import { usePageIntake } from "../capture/use-page-intake";
import { db } from "../store/app-db";
import { captureInvoice } from "../store/invoices";
import { go } from "../ui/use-route";

const ACCEPT = "image/jpeg,image/png,image/webp,image/heic,application/pdf";

/** Every way a page gets in: camera, file picker, drag-and-drop, paste. */
export function CaptureScreen() {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const intake = usePageIntake(async (pages) => {
    const id = await captureInvoice(db, pages);
    go({ screen: "invoice", id });
  });
  const { take } = intake;

  // Pasted or dropped anywhere on this screen, not only on a small target; listening from the
  // moment the screen is shown (a layout effect runs before the browser paints it).
  useLayoutEffect(() => {
    const onPaste = (e: ClipboardEvent) => void take(Array.from(e.clipboardData?.files ?? []));
    const onDragOver = (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    };
    const onDragLeave = () => setDragging(false);
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void take(Array.from(e.dataTransfer?.files ?? []));
    };
    addEventListener("paste", onPaste);
    addEventListener("dragover", onDragOver);
    addEventListener("dragleave", onDragLeave);
    addEventListener("drop", onDrop);
    return () => {
      removeEventListener("paste", onPaste);
      removeEventListener("dragover", onDragOver);
      removeEventListener("dragleave", onDragLeave);
      removeEventListener("drop", onDrop);
    };
  }, [take]);

  return (
    <section className="capture">
      <h1>{t("capture.title")}</h1>
      <div className={`drop ${dragging ? "over" : ""}`}>
        <label className="button big">
          {t("capture.camera")}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={(e) => void take(Array.from(e.currentTarget.files ?? []))}
          />
        </label>
        <label className="button big secondary">
          {t("capture.files")}
          <input
            type="file"
            accept={ACCEPT}
            multiple
            hidden
            data-testid="capture-files"
            onChange={(e) => void take(Array.from(e.currentTarget.files ?? []))}
          />
        </label>
        <p>{t("capture.drop")}</p>
        <LiveCamera onShot={(f) => void take([f])} />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={intake.grayscale}
          onChange={(e) => intake.setGrayscale(e.currentTarget.checked)}
        />
        {t("capture.grayscale")}
      </label>
      {intake.busy && <p role="status">{t("capture.saving")}</p>}
      {intake.errors.map((e) => (
        <p key={e} className="error" role="alert">
          {e}
        </p>
      ))}
    </section>
  );
}
