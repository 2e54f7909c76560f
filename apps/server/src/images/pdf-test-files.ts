import { createHash } from "node:crypto";

/**
 * Test helper: PDFs assembled object by object, for what pdf-lib cannot write: encryption and a
 * font whose text layer maps glyphs to Bengali. Objects are numbered from 1; object 1 is the
 * catalog. A stream object is its dictionary (without /Length) and its bytes.
 */
export type PdfObject = string | { dict: string; data: Buffer };

export interface Encryption {
  userPassword: string;
  ownerPassword: string;
}

/** A one-page PDF drawing `content` with Helvetica as /F1 and, optionally, `fonts` as /F2…. */
export function onePagePdf(
  content: string,
  options: { fonts?: PdfObject[][]; encryption?: Encryption } = {},
): Buffer {
  const extraFonts = options.fonts ?? [];
  // Objects 1–5 are fixed; each extra font's objects follow, its first object being the font.
  const fontRefs: string[] = [];
  const fontObjects: PdfObject[] = [];
  for (const [i, objects] of extraFonts.entries()) {
    const first = 6 + fontObjects.length;
    fontRefs.push(`/F${i + 2} ${first} 0 R`);
    fontObjects.push(...objects.map((o) => renumber(o, first)));
  }
  return assemblePdf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R ${fontRefs.join(" ")} >> >> >>`,
      { dict: "<<>>", data: Buffer.from(content, "latin1") },
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      ...fontObjects,
    ],
    options.encryption,
  );
}

/** `{k}` in a font's objects is the number of its object k (from 0): they refer to each other. */
function renumber(o: PdfObject, first: number): PdfObject {
  const sub = (s: string) => s.replace(/\{(\d+)\}/g, (_, k: string) => String(first + Number(k)));
  return typeof o === "string" ? sub(o) : { dict: sub(o.dict), data: o.data };
}

/**
 * A Type0 font with no font program whose ToUnicode map gives each glyph one character of
 * `glyphs`, as a word processor embeds a Bengali font; `show(text)` draws text with it.
 */
export function unicodeFont(glyphs: string): { objects: PdfObject[]; show(text: string): string } {
  const chars = [...new Set(glyphs)];
  const cid = (c: string) => (chars.indexOf(c) + 1).toString(16).padStart(4, "0");
  const cmap = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CMapName /Chalan-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    `${chars.length} beginbfchar`,
    ...chars.map((c) => `<${cid(c)}> <${c.charCodeAt(0).toString(16).padStart(4, "0")}>`),
    "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
  return {
    objects: [
      "<< /Type /Font /Subtype /Type0 /BaseFont /LohitBengali /Encoding /Identity-H /DescendantFonts [{1} 0 R] /ToUnicode {3} 0 R >>",
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /LohitBengali /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {2} 0 R /DW 600 >>",
      "<< /Type /FontDescriptor /FontName /LohitBengali /Flags 32 /FontBBox [0 -250 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 >>",
      { dict: "<<>>", data: Buffer.from(cmap, "latin1") },
    ],
    show: (text) => `<${[...text].map(cid).join("")}> Tj`,
  };
}

/** Numbers and cross-references the objects; with `encryption`, locks them (RC4, 40-bit, R2). */
function assemblePdf(objects: PdfObject[], encryption?: Encryption): Buffer {
  const id = createHash("md5").update(JSON.stringify(objects)).digest();
  const lock = encryption && standardSecurity(encryption, id);
  const all = lock ? [...objects, lock.dict] : objects;
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let at = parts[0]?.length ?? 0;
  const push = (b: Buffer) => {
    parts.push(b);
    at += b.length;
  };
  for (const [i, o] of all.entries()) {
    const n = i + 1;
    offsets.push(at);
    push(Buffer.from(`${n} 0 obj\n`, "latin1"));
    if (typeof o === "string") push(Buffer.from(o, "latin1"));
    else {
      const data = lock && n <= objects.length ? lock.encrypt(n, o.data) : o.data;
      push(Buffer.from(`${o.dict.slice(0, -2)} /Length ${data.length} >>\nstream\n`, "latin1"));
      push(data);
      push(Buffer.from("\nendstream", "latin1"));
    }
    push(Buffer.from("\nendobj\n", "latin1"));
  }
  const xref = at;
  const rows = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  const encrypt = lock ? ` /Encrypt ${all.length} 0 R` : "";
  const hex = id.toString("hex");
  push(
    Buffer.from(
      `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${all.length + 1} /Root 1 0 R${encrypt} /ID [<${hex}> <${hex}>] >>\nstartxref\n${xref}\n%%EOF\n`,
      "latin1",
    ),
  );
  return Buffer.concat(parts);
}

const PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");
const md5 = (...parts: Buffer[]) => createHash("md5").update(Buffer.concat(parts)).digest();
const padded = (password: string) =>
  Buffer.concat([Buffer.from(password, "latin1"), PAD]).subarray(0, 32);

/** The standard security handler, revision 2 (PDF 1.7 §7.6.3, algorithms 2, 3 and 4). */
function standardSecurity({ userPassword, ownerPassword }: Encryption, id: Buffer) {
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const owner = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const key = md5(padded(userPassword), owner, permissions, id).subarray(0, 5);
  const user = rc4(key, PAD);
  return {
    dict: `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString("hex")}> /U <${user.toString("hex")}> /P -4 >>`,
    encrypt(objectNumber: number, data: Buffer): Buffer {
      const salt = Buffer.from([objectNumber, objectNumber >> 8, objectNumber >> 16, 0, 0]);
      return rc4(md5(key, salt).subarray(0, 10), data);
    },
  };
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  const at = (i: number) => s[i & 255] as number;
  const swap = (i: number, j: number) => {
    const t = at(i);
    s[i & 255] = at(j);
    s[j & 255] = t;
  };
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + at(i) + (key[i % key.length] as number)) & 255;
    swap(i, j);
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + at(i)) & 255;
    swap(i, j);
    out[k] = (data[k] as number) ^ at(at(i) + at(j));
  }
  return out;
}
