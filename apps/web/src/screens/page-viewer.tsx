import type { Box } from "@chalan/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalPage } from "../store/db";
import { readableImage } from "../store/invoices";

/** An address for a page's image while the component shows it (a PDF: its first page drawn). */
export function usePageUrl(page: LocalPage | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  // A PDF is shown as its first page drawn, so the outline of a field lands where it was read.
  const image = page && readableImage(page);
  useEffect(() => {
    if (!image || image.size === 0) return setUrl(undefined);
    const u = URL.createObjectURL(image);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [image]);
  return url;
}

/** A page image with the box a field was read from outlined on it. */
export function PageViewer({
  pages,
  current,
  onPage,
  highlight,
}: {
  pages: LocalPage[];
  current: number;
  onPage: (n: number) => void;
  highlight?: Box;
}) {
  const { t } = useTranslation();
  const page = pages.find((p) => p.n === current) ?? pages[0];
  const url = usePageUrl(page);
  if (!page) return null;
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;

  return (
    <figure className="page-viewer">
      {pages.length > 1 && (
        <nav className="pages">
          {pages.map((p) => (
            <button
              key={p.n}
              type="button"
              aria-current={p.n === page.n ? "page" : undefined}
              onClick={() => onPage(p.n)}
            >
              {t("invoice.page", { n: p.n, count: pages.length })}
            </button>
          ))}
        </nav>
      )}
      <div className="sheet">
        {url && <img src={url} alt={page.original.name} data-testid="page-image" />}
        {highlight && page.width > 0 && (
          <div
            className="highlight"
            data-testid="highlight"
            style={{
              left: pct(highlight.x0, page.width),
              top: pct(highlight.y0, page.height),
              width: pct(highlight.x1 - highlight.x0, page.width),
              height: pct(highlight.y1 - highlight.y0, page.height),
            }}
          />
        )}
      </div>
    </figure>
  );
}
