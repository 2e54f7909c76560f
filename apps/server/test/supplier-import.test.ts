import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbTargets } from "./databases";
import { startTestServer, type TestServer } from "./harness";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 500 suppliers as a business might keep them, 10 rows of which are wrong in one way or another. */
function suppliersCsv(): { csv: string; bad: number[] } {
  const lines = ["Name,বাংলা নাম,BIN,Mobile,VAT,Aliases"];
  const bad: number[] = [];
  const kinds = ["Traders", "Stores", "Hardware", "Enterprise", "Foods"];
  for (let i = 1; i <= 500; i++) {
    const bin = String(1_000_000_000 + i).padStart(13, "0");
    let row = `"Supplier ${i} ${kinds[i % 5]}, Dhaka",সরবরাহকারী ${i},${bin},0171${String(10_000_000 + i).slice(1)},${[15, 7.5, 5][i % 3]}%,S${i}`;
    if (i % 50 === 0) {
      bad.push(i + 1);
      const faults = [
        `,নাম নেই,${bin},,15,`,
        `Supplier ${i},,12345,,15,`,
        `Supplier ${i},,${bin},12345,15,`,
        `Supplier ${i},,${bin},,fifteen,`,
        `Supplier ${i},,${String(1_000_000_000 + 1).padStart(13, "0")},,15,`,
      ];
      row = faults[(i / 50) % faults.length] as string;
    }
    lines.push(row);
  }
  return { csv: lines.join("\r\n"), bad };
}

describe.each(dbTargets())("supplier import on $name PostgreSQL", (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.chalan.stop();
  });

  const send = (token: string, body: string | Uint8Array, type: string, commit = false) =>
    fetch(`${server.url}/api/suppliers/import${commit ? "?commit=true" : ""}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body: typeof body === "string" ? body : new Blob([body as Uint8Array<ArrayBuffer>]),
    });
  const count = async (token: string) =>
    ((await (await server.api("GET", "/api/suppliers", token)).json()) as { suppliers: unknown[] })
      .suppliers.length;

  it("previews 500 suppliers with each bad row's reasons, then imports the good ones, none half", async () => {
    const token = await server.signup();
    const { csv, bad } = suppliersCsv();
    const preview = (await (await send(token, csv, "text/csv")).json()) as {
      rows: { line: number; errors: string[]; action?: string }[];
      created: number;
      refused: number;
      committed: boolean;
    };
    expect(preview).toMatchObject({ created: 490, refused: 10, committed: false });
    expect(preview.rows.filter((r) => r.errors.length > 0).map((r) => r.line)).toEqual(bad);
    const reasons = (line: number) => preview.rows.find((r) => r.line === line)?.errors;
    expect(reasons(51)).toEqual(["bin: a BIN is 13 digits"]);
    expect(reasons(101)).toEqual(["phone: a Bangladeshi number such as 01711223344"]);
    expect(reasons(251)).toEqual(["name: is required"]);
    expect(reasons(201)).toEqual(["bin: 0001000000001 is already on line 2"]);
    expect(await count(token)).toBe(0);

    const done = (await (await send(token, csv, "text/csv", true)).json()) as {
      created: number;
      refused: number;
    };
    expect(done).toMatchObject({ created: 490, refused: 10, committed: true });
    expect(await count(token)).toBe(490);
    const pulled = (await (
      await server.api("GET", "/api/sync/suppliers?limit=1000", token)
    ).json()) as {
      suppliers: { supplier: { name: string; usualVatRate?: number; aliases: string[] } }[];
    };
    expect(pulled.suppliers).toHaveLength(490);
    expect(pulled.suppliers[0]?.supplier).toMatchObject({
      name: "Supplier 1 Stores, Dhaka",
      usualVatRate: 0.075,
      aliases: ["S1"],
    });

    // The same sheet again (a corrected copy, say) updates; it adds nobody twice.
    const again = (await (await send(token, csv, "text/csv", true)).json()) as {
      created: number;
      updated: number;
    };
    expect(again).toMatchObject({ created: 0, updated: 490 });
    expect(await count(token)).toBe(490);
  });

  it("reads the first worksheet of an XLSX workbook, Bengali headings and digits included", async () => {
    const token = await server.signup();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("সরবরাহকারী");
    sheet.addRow(["নাম", "বিআইএন", "ভ্যাট"]);
    sheet.addRow(["মেঘনা স্টোর্স", "০০১২৩৪৫৬৭০১০১", "১৫%"]);
    sheet.addRow(["Padma Traders", "0012345670102", 0.075]);
    const file = new Uint8Array(await book.xlsx.writeBuffer());
    const res = (await (await send(token, file, XLSX, true)).json()) as { created: number };
    expect(res.created).toBe(2);
    const list = (await (await server.api("GET", "/api/suppliers", token)).json()) as {
      suppliers: { name: string; bin: string; usualVatRate: number }[];
    };
    expect(list.suppliers.map((s) => [s.name, s.bin, s.usualVatRate])).toEqual([
      ["Padma Traders", "0012345670102", 0.075],
      ["মেঘনা স্টোর্স", "0012345670101", 0.15],
    ]);
  });

  it("refuses what is not a sheet with a reason, writing nothing", async () => {
    const token = await server.signup();
    const torn = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    const res = await send(token, torn, XLSX, true);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/not a readable XLSX/);
    expect((await server.api("POST", "/api/suppliers/import", token, { name: "x" })).status).toBe(
      415,
    );
    const noHeadings = (await (
      await send(token, "Meghna,0012345670101", "text/csv", true)
    ).json()) as {
      rows: { errors: string[] }[];
    };
    expect(noHeadings.rows[0]?.errors[0]).toMatch(/no "name" column/);
    expect(await count(token)).toBe(0);
  });
});
