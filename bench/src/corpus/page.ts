import { escapeHtml } from "@chalan/core";
import type { Rng } from "./prng";

/** Installed from Debian (fonts-beng-extra, fonts-lohit-beng-bengali, fonts-dejavu-core, …). */
export const FONTS = {
  printBn: ["Lohit Bengali", "Mukti", "Jamrul"],
  printEn: ["DejaVu Sans", "DejaVu Serif", "DejaVu Sans Condensed"],
  // Mitra is left out: its OpenType tables misplace the reph and it draws ৬ like ১.
  handBn: ["Likhan", "Ani"],
  handEn: ["DkgHandwriting", "Dancing Script", "Comic Neue"],
  mono: "DejaVu Sans Mono",
} as const;

export interface FontSet {
  printBn: string;
  printEn: string;
  handBn: string;
  handEn: string;
}

export function pickFonts(rng: Rng): FontSet {
  return {
    printBn: rng.pick(FONTS.printBn),
    printEn: rng.pick(FONTS.printEn),
    handBn: rng.pick(FONTS.handBn),
    handEn: rng.pick(FONTS.handEn),
  };
}

export interface TextOptions {
  size: number;
  anchor?: "start" | "middle" | "end";
  bold?: boolean;
  /**
   * `form`: printed before the page was filled in (labels, rules, the shop's name on a memo pad);
   * `fill`: the entries, handwritten in the hand tier. Defaults to `fill`.
   */
  role?: "form" | "fill";
  color?: string;
  /** Forces a family, e.g. the monospace of a till receipt. */
  family?: string;
  /** Shrinks the text (to 70% at most) to fit a table column. */
  maxWidth?: number;
}

export interface Ink {
  /** The printed form: labels, rules, a memo pad's letterhead. */
  form: string;
  /** The entries: printer black, or the pen of the hand tier. */
  fill: string;
  /** Signatures, always by hand. */
  pen: string;
}

const BENGALI = /[\u0980-\u09FF]/;
/**
 * Widths in em, measured with librsvg: `bengali` per letter-width unit (see `bengaliUnits`), the
 * others per character. Latin text in a Bengali-only face falls back to DejaVu.
 */
interface Metrics {
  bengali: number;
  bengaliDigit: number;
  latin: number;
  space: number;
}
const DEFAULT_METRICS: Metrics = { bengali: 0.7, bengaliDigit: 0.66, latin: 0.6, space: 0.32 };
const METRICS: Record<string, Metrics> = {
  "Lohit Bengali": { bengali: 0.69, bengaliDigit: 0.65, latin: 0.56, space: 0.32 },
  Mukti: { bengali: 0.66, bengaliDigit: 0.55, latin: 0.56, space: 0.32 },
  Jamrul: { bengali: 0.75, bengaliDigit: 0.66, latin: 0.56, space: 0.76 },
  Likhan: { bengali: 0.69, bengaliDigit: 0.57, latin: 0.46, space: 0.38 },
  Ani: { bengali: 0.64, bengaliDigit: 0.55, latin: 0.52, space: 0.28 },
  "DejaVu Sans": DEFAULT_METRICS,
  "DejaVu Serif": DEFAULT_METRICS,
  "DejaVu Sans Condensed": { ...DEFAULT_METRICS, latin: 0.51, space: 0.28 },
  "DejaVu Sans Mono": { ...DEFAULT_METRICS, latin: 0.61, space: 0.61 },
  DkgHandwriting: { ...DEFAULT_METRICS, latin: 0.5, space: 0.65 },
  "Dancing Script": { ...DEFAULT_METRICS, latin: 0.44, space: 0.26 },
  "Comic Neue": { ...DEFAULT_METRICS, latin: 0.48, space: 0.34 },
};

/** Marks that take no width of their own: virama, vowel signs below, candrabindu, nukta. */
const ZERO_WIDTH = new Set(["\u09CD", "\u09C1", "\u09C2", "\u09C3", "\u0981", "\u09BC"]);
/** Vowel signs beside the letter, anusvara, visarga: about half a letter. */
const HALF_WIDTH = new Set([
  "\u09BE",
  "\u09BF",
  "\u09C0",
  "\u09C7",
  "\u09C8",
  "\u09CB",
  "\u09CC",
  "\u0982",
  "\u0983",
]);

/** Width of a Bengali letter in letter units: a consonant after a virama joins a conjunct. */
function bengaliUnits(c: string, previous: string): number {
  if (ZERO_WIDTH.has(c)) return 0;
  if (HALF_WIDTH.has(c)) return 0.5;
  return previous === "\u09CD" ? 0.3 : 1;
}

/**
 * Splits text where it turns from Bengali to Latin letters or digits or back; spaces and
 * punctuation stay with the run they follow (or, at the start, the one they precede).
 */
function scriptRuns(text: string): { text: string; bengali: boolean }[] {
  const runs: { text: string; bengali: boolean | undefined }[] = [];
  for (const c of text) {
    const kind = BENGALI.test(c) ? true : /[A-Za-z0-9]/.test(c) ? false : undefined;
    const last = runs.at(-1);
    if (last && (kind === undefined || last.bengali === undefined || kind === last.bengali)) {
      last.text += c;
      last.bengali ??= kind;
    } else runs.push({ text: c, bengali: kind });
  }
  return runs.map((r) => ({ text: r.text, bengali: r.bengali ?? false }));
}

/** People write larger than a printer prints the same field. */
const HAND_SCALE = 1.12;

/**
 * One page as SVG: librsvg lays its text out with Pango and HarfBuzz, so Bengali conjuncts and
 * vowel signs are shaped properly, and a whole page renders in one call. y is the text baseline.
 */
export class Page {
  readonly #parts: string[] = [];
  readonly #rng: Rng;
  readonly fontsUsed = new Set<string>();
  /** Points of interest (totals, names) a stamp may land on. */
  readonly spots: { x: number; y: number }[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    readonly fonts: FontSet,
    readonly hand: boolean,
    readonly ink: Ink,
    rng: Rng,
    paper: string,
  ) {
    this.#rng = rng;
    this.#parts.push(`<rect width="100%" height="100%" fill="${paper}"/>`);
  }

  #family(bengali: boolean, opts: TextOptions): string {
    if (opts.family && !bengali) return opts.family;
    if (this.#handwritten(opts)) return bengali ? this.fonts.handBn : this.fonts.handEn;
    return bengali ? this.fonts.printBn : this.fonts.printEn;
  }

  #handwritten(opts: TextOptions): boolean {
    return this.hand && opts.role !== "form" && !opts.family;
  }

  /** Text width in pixels, estimated from the fonts' measured averages, with a 5% margin. */
  measure(text: string, opts: TextOptions): number {
    let em = 0;
    for (const run of scriptRuns(text)) {
      const m = METRICS[this.#family(run.bengali, opts)] ?? DEFAULT_METRICS;
      let previous = "";
      for (const c of run.text) {
        if (c === " ") em += m.space;
        else if (c >= "০" && c <= "৯") em += m.bengaliDigit;
        else if (BENGALI.test(c)) em += m.bengali * bengaliUnits(c, previous);
        else em += m.latin * (opts.bold ? 1.1 : 1);
        previous = c;
      }
    }
    return 1.05 * em * opts.size * (this.#handwritten(opts) ? HAND_SCALE : 1);
  }

  /**
   * Draws text; each run of Bengali or Latin script gets a face that has it (Bengali faces draw
   * Latin poorly, and the other way round), the way a writer or a printer would.
   */
  text(x: number, y: number, text: string, opts: TextOptions): void {
    if (text === "") return;
    const handwritten = this.#handwritten(opts);
    let size = opts.size * (handwritten ? HAND_SCALE : 1);
    if (opts.maxWidth) {
      const width = this.measure(text, opts);
      if (width > opts.maxWidth) size *= Math.max(0.7, opts.maxWidth / width);
    }
    const rng = this.#rng;
    let transform = "";
    if (handwritten) {
      // A hand never keeps size, position, slope or baseline quite steady.
      size *= rng.float(0.95, 1.06);
      x += rng.float(-4, 4);
      y += rng.float(-3, 3);
      const angle = Math.max(-1.8, Math.min(1.8, rng.normal(0, 0.7)));
      transform = ` transform="rotate(${angle.toFixed(2)} ${x.toFixed(1)} ${y.toFixed(1)})"`;
    }
    const first = scriptRuns(text)[0];
    const family = this.#family(first?.bengali ?? false, opts);
    const words = handwritten ? text.split(" ") : [text];
    const spans: string[] = [];
    for (const [i, word] of words.entries()) {
      const runs = scriptRuns(i < words.length - 1 ? `${word} ` : word);
      for (const [k, run] of runs.entries()) {
        const runFamily = this.#family(run.bengali, opts);
        this.fontsUsed.add(runFamily);
        const font = runFamily === family ? "" : ` font-family="${runFamily}"`;
        const dy =
          handwritten && i > 0 && k === 0 ? ` dy="${rng.float(-1.8, 1.8).toFixed(1)}"` : "";
        spans.push(
          font || dy ? `<tspan${font}${dy}>${escapeHtml(run.text)}</tspan>` : escapeHtml(run.text),
        );
      }
    }
    const body = spans.join("");
    const color = opts.color ?? (opts.role === "form" ? this.ink.form : this.ink.fill);
    const anchor = opts.anchor && opts.anchor !== "start" ? ` text-anchor="${opts.anchor}"` : "";
    const weight = opts.bold ? ` font-weight="bold"` : "";
    // Keeps the spaces at the edges of spans, which SVG would otherwise drop.
    const space = body.includes("<tspan") ? ` xml:space="preserve"` : "";
    this.#parts.push(
      `<text${space} x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${family}" font-size="${size.toFixed(1)}" fill="${color}"${anchor}${weight}${transform}>${body}</text>`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 2, color = this.ink.form): void {
    this.#parts.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${color}" stroke-width="${width}"/>`,
    );
  }

  rect(
    x: number,
    y: number,
    w: number,
    h: number,
    opts: { stroke?: string; fill?: string; width?: number; radius?: number } = {},
  ): void {
    const stroke = opts.stroke ?? this.ink.form;
    this.#parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${opts.radius ?? 0}" fill="${opts.fill ?? "none"}" stroke="${stroke}" stroke-width="${opts.width ?? 2}"/>`,
    );
  }

  /** The dotted line a memo pad leaves for an entry. */
  dots(x1: number, x2: number, y: number): void {
    this.#parts.push(
      `<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${this.ink.form}" stroke-width="1.5" stroke-dasharray="2 5"/>`,
    );
  }

  /** A signature: a few loops of ink. */
  scribble(x: number, y: number, width: number): void {
    const rng = this.#rng;
    let d = `M${x} ${y}`;
    const steps = rng.int(3, 6);
    for (let i = 1; i <= steps; i++) {
      const px = x + (width * i) / steps;
      const c1 = `${(px - width / steps / 2).toFixed(0)} ${(y - rng.float(10, 45)).toFixed(0)}`;
      const c2 = `${(px - rng.float(0, 20)).toFixed(0)} ${(y + rng.float(5, 25)).toFixed(0)}`;
      d += ` C${c1} ${c2} ${px.toFixed(0)} ${(y + rng.float(-12, 8)).toFixed(0)}`;
    }
    this.#parts.push(
      `<path d="${d}" fill="none" stroke="${this.ink.pen}" stroke-width="2.2" stroke-linecap="round"/>`,
    );
  }

  /** Raw SVG for marks that are not text or rules (stamps, folds). */
  raw(svg: string): void {
    this.#parts.push(svg);
  }

  spot(x: number, y: number): void {
    this.spots.push({ x, y });
  }

  toSvg(): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}">${this.#parts.join("")}</svg>`;
  }
}
