import net from "node:net";

/**
 * A TCP relay in front of the server on a port of its own, which a test can unplug: while cut, the
 * browser's connections are refused (the origin, and so its storage, stays the same).
 */
export interface NetworkSwitch {
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function networkSwitch(target: string): Promise<NetworkSwitch> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let server = relay();
  let listenPort = 0;

  function relay(): net.Server {
    return net.createServer((client) => {
      const upstream = net.connect(Number(port), hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
  }

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(listenPort, "127.0.0.1", () => {
        listenPort = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });

  await listen();
  return {
    url: `http://127.0.0.1:${listenPort}`,
    cut: stop,
    async restore() {
      server = relay();
      await listen();
    },
    close: stop,
  };
}
