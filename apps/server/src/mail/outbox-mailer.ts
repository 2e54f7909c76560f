import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open, rename } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Mailer, MailMessage } from "./mailer";

/**
 * With no SMTP configured, each message becomes an RFC 5322 `.eml` file in `<data>/outbox/`, written
 * atomically (temp file, fsync, rename) so the outbox never holds half a message.
 */
export class OutboxMailer implements Mailer {
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true });

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}

  async send(m: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({ from: this.from, ...m });
    await mkdir(this.dir, { recursive: true });
    const safeId = m.messageId.replace(/[^A-Za-z0-9._-]+/g, "_");
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${safeId}.eml`;
    const tmp = path.join(this.dir, `.${randomUUID()}.tmp`);
    const fd = await open(tmp, "wx", 0o640);
    try {
      await fd.writeFile(info.message as Buffer);
      await fd.sync();
    } finally {
      await fd.close();
    }
    await rename(tmp, path.join(this.dir, name));
    const dirFd = await open(this.dir, constants.O_RDONLY);
    await dirFd.sync().finally(() => dirFd.close());
  }

  async close(): Promise<void> {}
}
