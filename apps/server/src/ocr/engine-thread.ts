import { parentPort } from "node:worker_threads";
import type { ThreadReply, ThreadRequest } from "./engine-threads";
import { MultiScriptEngine } from "./multi-script-engine";

const port = parentPort;
if (!port) throw new Error("engine-thread.ts runs in a worker thread");
const engine = new MultiScriptEngine();
port.on("message", async (request: ThreadRequest) => {
  if ("close" in request) {
    await engine.close();
    port.close();
    return;
  }
  try {
    const image = Buffer.from(request.image.buffer, request.image.byteOffset, request.image.length);
    port.postMessage({ page: await engine.recognize(image) } satisfies ThreadReply);
  } catch (e) {
    port.postMessage({ error: (e as Error).message } satisfies ThreadReply);
  }
});
