// A reading thread for the engine-threads test: an empty image stops the thread, as a crash in
// native code would; any other image reads as a page as wide as the image has bytes.
import { parentPort } from "node:worker_threads";

parentPort.on("message", (request) => {
  if ("close" in request) parentPort.close();
  else if (request.image.length === 0) process.exit(3);
  else parentPort.postMessage({ page: { width: request.image.length, height: 1, lines: [] } });
});
