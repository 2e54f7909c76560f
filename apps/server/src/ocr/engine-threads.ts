import { Worker } from "node:worker_threads";
import type { OcrPage } from "@chalan/core";
// Held by the main thread for as long as the process lives: onnxruntime-node's binding cannot be
// loaded again once every thread that loaded it has ended ("Module did not self-register"), and
// a thread that died or a closed engine's are followed by new ones.
import "onnxruntime-node";
import type { OcrEngine } from "./ocr-engine";

/** What a reading thread is sent: a page image to read, or the word to close its models and end. */
export type ThreadRequest = { image: Uint8Array } | { close: true };
export type ThreadReply = { page: OcrPage } | { error: string };

export interface EngineThreadsOptions {
  /** Pages read at once, each on a thread of its own. */
  threads?: number;
  /** The thread's script; the multi-script engine's unless a test says otherwise. */
  entry?: URL;
}

interface Job {
  image: Buffer;
  resolve: (page: OcrPage) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  job?: Job;
}

/**
 * The multi-script engine on worker threads, one page per thread. Its pixel work and PaddleOCR's
 * inference run synchronously on the thread that calls them: on the main thread two pages read at
 * once queued behind each other there (sroie-dev, 2 cores: 1.74 s a page against 1.44 s in
 * separate processes), and the server stopped answering while a page was read. A thread that dies
 * fails its page, not the process; the next page starts a new one.
 */
export class EngineThreads implements OcrEngine {
  readonly #size: number;
  readonly #entry: URL;
  #threads: Thread[] = [];
  #queue: Job[] = [];

  constructor(options: EngineThreadsOptions = {}) {
    this.#size = Math.max(1, options.threads ?? 1);
    this.#entry = options.entry ?? new URL("./engine-thread.mjs", import.meta.url);
  }

  recognize(image: Buffer): Promise<OcrPage> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ image, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    const threads = this.#threads;
    const queued = this.#queue;
    this.#threads = [];
    this.#queue = [];
    for (const job of queued) job.reject(new Error("the OCR engine was closed"));
    await Promise.all(
      threads.map(async (t) => {
        t.job?.reject(new Error("the OCR engine was closed"));
        t.job = undefined;
        const exited = new Promise((done) => t.worker.once("exit", done));
        // Closed in order, its Tesseract workers and models are released before it ends.
        t.worker.postMessage({ close: true } satisfies ThreadRequest);
        const timeout = setTimeout(() => t.worker.terminate(), 10_000);
        await exited;
        clearTimeout(timeout);
      }),
    );
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const thread =
        this.#threads.find((t) => !t.job) ??
        (this.#threads.length < this.#size ? this.#start() : undefined);
      const job = thread && this.#queue.shift();
      if (!thread || !job) return;
      thread.job = job;
      thread.worker.postMessage({ image: job.image } satisfies ThreadRequest);
    }
  }

  #start(): Thread {
    const thread: Thread = { worker: new Worker(this.#entry) };
    thread.worker.on("message", (reply: ThreadReply) => {
      const job = thread.job;
      thread.job = undefined;
      if ("page" in reply) job?.resolve(reply.page);
      else job?.reject(new Error(reply.error));
      this.#dispatch();
    });
    const lost = (error: Error) => {
      if (!this.#threads.includes(thread)) return;
      this.#threads = this.#threads.filter((t) => t !== thread);
      thread.job?.reject(error);
      thread.job = undefined;
      this.#dispatch();
    };
    thread.worker.on("error", (e) => lost(new Error(`the OCR thread failed: ${e.message}`)));
    thread.worker.on("exit", (code) =>
      lost(new Error(`the OCR thread stopped (exit code ${code})`)),
    );
    this.#threads.push(thread);
    return thread;
  }
}
