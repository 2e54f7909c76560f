export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per logical email, so a resend after a crash is recognisable as the same message. */
  messageId: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
