import { IsoDate, Poisha } from "@chalan/core";
import { z } from "zod";

/**
 * Ground truth of one generated invoice, exactly as printed on the page except that digits are
 * ASCII: a page may print `১২৩৪` where the truth says `1234`. Money is integer poisha.
 */
export const DocumentType = z.enum(["mushak_6_3", "cash_memo", "bill", "receipt"]);
export type DocumentType = z.infer<typeof DocumentType>;

/** The VAT rates in use: standard 15% and the reduced 10%, 7.5% and 5%; 0 on cash memos. */
export const VAT_RATES = [0.15, 0.1, 0.075, 0.05] as const;
const VatRate = z.literal([0, ...VAT_RATES]);
export type VatRate = z.infer<typeof VatRate>;

export const LineItem = z.strictObject({
  description: z.string().min(1),
  quantity: z.number().positive(),
  unitPrice: Poisha,
  amount: Poisha,
  vatRate: VatRate.optional(),
});
export type LineItem = z.infer<typeof LineItem>;

const Bin = z.string().regex(/^\d{13}$/, "a BIN is 13 digits");

export const InvoiceTruth = z.strictObject({
  documentType: DocumentType,
  supplierName: z.string().min(1),
  supplierBin: Bin.optional(),
  supplierAddress: z.string().min(1),
  supplierPhone: z.string().regex(/^01[3-9]\d{8}$/, "a Bangladeshi mobile number"),
  buyerName: z.string().min(1).optional(),
  buyerBin: Bin.optional(),
  invoiceNumber: z.string().min(1),
  issueDate: IsoDate,
  dueDate: IsoDate.optional(),
  currency: z.literal("BDT"),
  lineItems: z.array(LineItem).min(1),
  subtotal: Poisha,
  discount: Poisha.optional(),
  vatRate: VatRate,
  vat: Poisha,
  total: Poisha,
  amountInWords: z.string().min(1).optional(),
});
export type InvoiceTruth = z.infer<typeof InvoiceTruth>;

export const Tier = z.strictObject({
  script: z.enum(["bn", "en", "mixed"]),
  hand: z.enum(["print", "hand"]),
  degradation: z.enum(["clean", "scan", "photo", "heavy"]),
});
export type Tier = z.infer<typeof Tier>;

const Point = z.tuple([z.number(), z.number()]);

/** What was done to the clean page, and what the result measures: for slicing results by damage. */
export const Rendering = z.strictObject({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fonts: z.array(z.string()),
  /** Where the page's corners (top-left, top-right, bottom-right, bottom-left) landed. */
  corners: z.tuple([Point, Point, Point, Point]),
  rotationDeg: z.number(),
  blurSigma: z.number(),
  noiseSigma: z.number(),
  contrast: z.number(),
  shadow: z.number(),
  fold: z.boolean(),
  /** The rubber stamp's centre and radius, in page pixels before any warp. */
  stamp: z.strictObject({ x: z.number(), y: z.number(), r: z.number() }).optional(),
  jpegQuality: z.number().int(),
  /** Of the final JPEG, in grey: sharp's Laplacian sharpness, luminance stdev and mean. */
  measured: z.strictObject({ sharpness: z.number(), contrast: z.number(), luminance: z.number() }),
});
export type Rendering = z.infer<typeof Rendering>;

/** One `NNN.json` file; `image` is the file name beside it. */
export const CorpusRecord = z.strictObject({
  id: z.string().regex(/^\d{3,}$/),
  image: z.string().regex(/^\d{3,}\.jpg$/),
  tier: Tier,
  truth: InvoiceTruth,
  rendering: Rendering,
});
export type CorpusRecord = z.infer<typeof CorpusRecord>;

/** A record with `image` resolved to a path. */
export type CorpusItem = CorpusRecord;

/** VAT on an amount, rounded to the poisha in integers (rates are whole tenths of a percent). */
export function vatOn(amount: number, rate: number): number {
  return Math.round((amount * Math.round(rate * 1000)) / 1000);
}
