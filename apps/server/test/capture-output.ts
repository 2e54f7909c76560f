import { PassThrough } from "node:stream";

/** A writable stream for a CLI command under test, and what it wrote. */
export function captureOutput(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (d: Buffer) => {
    text += d.toString();
  });
  return { stream, text: () => text };
}
