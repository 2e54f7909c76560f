import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { OutboxMailer } from "./outbox-mailer";

describe("OutboxMailer", () => {
  it("writes each message as a complete .eml file a mail client can open", async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "outbox-")), "outbox");
    const mailer = new OutboxMailer(dir, "Chalan <chalan@localhost>");
    await mailer.send({
      to: "nasrin@example.com",
      subject: "Invoice received: পদ্মা ট্রেডার্স ৳11,900.00",
      text: "Total ৳11,900.00",
      html: "<p>Total ৳11,900.00</p>",
      messageId: "<invoice-received.abc@chalan>",
      attachments: [{ filename: "x.csv", content: "a,b\r\n1,2\r\n", contentType: "text/csv" }],
    });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/invoice-received\.abc_chalan_\.eml$/);
    const email = await PostalMime.parse(await readFile(path.join(dir, files[0] as string)));
    expect(email.to?.[0]?.address).toBe("nasrin@example.com");
    expect(email.subject).toBe("Invoice received: পদ্মা ট্রেডার্স ৳11,900.00");
    expect(email.messageId).toBe("<invoice-received.abc@chalan>");
    expect(email.attachments[0]?.filename).toBe("x.csv");
  });
});
