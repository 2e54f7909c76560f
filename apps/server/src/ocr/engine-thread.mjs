// A reading thread's entry: a worker thread does not inherit the tsx loader of the main thread.
import { register } from "tsx/esm/api";

register();
await import("./engine-thread.ts");
