import type Tesseract from "tesseract.js";

type Waiter = { resolve: (worker: Tesseract.Worker) => void; reject: (error: Error) => void };

/** Up to `size` Tesseract workers, started on first use and shared by the jobs that wait for one. */
export class WorkerPool {
  readonly #size: number;
  readonly #create: () => Promise<Tesseract.Worker>;
  #workers: Promise<Tesseract.Worker>[] = [];
  /** Started workers of the current generation: one finishing a job after `close` is not reused. */
  #live = new Set<Tesseract.Worker>();
  #idle: Tesseract.Worker[] = [];
  #waiting: Waiter[] = [];

  constructor(size: number, create: () => Promise<Tesseract.Worker>) {
    this.#size = Math.max(1, size);
    this.#create = create;
  }

  async use<T>(job: (worker: Tesseract.Worker) => Promise<T>): Promise<T> {
    const worker = await this.#acquire();
    try {
      return await job(worker);
    } finally {
      this.#release(worker);
    }
  }

  /** Stops every worker; a later `use` starts them again. */
  async close(): Promise<void> {
    const workers = this.#workers;
    const waiting = this.#waiting;
    this.#workers = [];
    this.#live = new Set();
    this.#idle = [];
    this.#waiting = [];
    for (const w of waiting) w.reject(new Error("the OCR engine was closed"));
    await Promise.allSettled(workers.map(async (w) => (await w).terminate()));
  }

  async #acquire(): Promise<Tesseract.Worker> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#workers.length < this.#size) {
      const created = this.#create();
      this.#workers.push(created);
      try {
        const worker = await created;
        if (!this.#workers.includes(created)) throw new Error("the OCR engine was closed");
        this.#live.add(worker);
        return worker;
      } catch (error) {
        this.#workers = this.#workers.filter((w) => w !== created);
        throw error;
      }
    }
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  #release(worker: Tesseract.Worker): void {
    if (!this.#live.has(worker)) return;
    const next = this.#waiting.shift();
    if (next) next.resolve(worker);
    else this.#idle.push(worker);
  }
}
