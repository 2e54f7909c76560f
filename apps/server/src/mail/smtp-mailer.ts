import nodemailer from "nodemailer";
import type { Mailer, MailMessage } from "./mailer";

/** Delivers through the configured SMTP relay (`SMTP_URL`, e.g. smtp://user:pass@relay.example.bd:587). */
export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(m: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...m });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
