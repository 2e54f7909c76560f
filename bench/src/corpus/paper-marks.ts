import { escapeHtml } from "@chalan/core";
import type { Page } from "./page";
import type { Rng } from "./prng";
import { STAMP_WORDS } from "./vocabulary";

/**
 * A rubber stamp in violet, blue or red ink, dropped on one of the page's points of interest
 * (a total, the supplier's name, the signature) so that it covers text, as real ones do.
 */
export function addStamp(
  page: Page,
  rng: Rng,
  owner: string,
  lang: "bn" | "en",
): { x: number; y: number; r: number } {
  const spot = rng.pick(
    page.spots.length > 0 ? page.spots : [{ x: page.width / 2, y: page.height / 2 }],
  );
  const r = Math.round(rng.float(70, 100));
  const x = Math.round(Math.min(page.width - r, Math.max(r, spot.x + rng.float(-40, 40))));
  const y = Math.round(Math.min(page.height - r, Math.max(r, spot.y + rng.float(-30, 30))));
  const color = rng.pick(["#5b2a86", "#1f3c9e", "#a3242a"]);
  const family = lang === "bn" ? page.fonts.printBn : page.fonts.printEn;
  const name = escapeHtml(owner.split(" ").slice(0, 3).join(" "));
  const word = escapeHtml(rng.pick(STAMP_WORDS)[lang]);
  const text = (dy: number, size: number, body: string, bold = false) =>
    `<text x="${x}" y="${y + dy}" font-family="${family}" font-size="${size}" text-anchor="middle" fill="${color}"${bold ? ` font-weight="bold"` : ""}>${body}</text>`;
  page.raw(
    `<g opacity="${rng.float(0.55, 0.8).toFixed(2)}" transform="rotate(${rng.float(-25, 25).toFixed(1)} ${x} ${y})">` +
      `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="${color}" stroke-width="5"/>` +
      `<circle cx="${x}" cy="${y}" r="${r - 12}" fill="none" stroke="${color}" stroke-width="2"/>` +
      text(-r * 0.35, Math.round(r * 0.17), name) +
      text(r * 0.12, Math.round(r * 0.32), word, true) +
      `<line x1="${x - r * 0.7}" y1="${y + r * 0.3}" x2="${x + r * 0.7}" y2="${y + r * 0.3}" stroke="${color}" stroke-width="2"/>` +
      "</g>",
  );
  return { x, y, r };
}

/** A crease where the page was folded in three or in half: a shadow on one side, a highlight on the other. */
export function addFold(page: Page, rng: Rng): void {
  const y = Math.round(page.height * rng.pick([1 / 3, 1 / 2, 2 / 3]) + rng.float(-25, 25));
  const angle = rng.float(-0.8, 0.8).toFixed(2);
  page.raw(
    `<defs><linearGradient id="fold" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="#000" stop-opacity="0"/>` +
      `<stop offset="0.48" stop-color="#000" stop-opacity="${rng.float(0.18, 0.3).toFixed(2)}"/>` +
      `<stop offset="0.52" stop-color="#fff" stop-opacity="0.45"/>` +
      `<stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient></defs>` +
      `<g transform="rotate(${angle} ${page.width / 2} ${y})">` +
      `<rect x="-50" y="${y - 22}" width="${page.width + 100}" height="44" fill="url(#fold)"/>` +
      `<line x1="-50" y1="${y}" x2="${page.width + 50}" y2="${y}" stroke="#555" stroke-opacity="0.35" stroke-width="1.5"/></g>`,
  );
}
