import { ConfigError } from "../config";

const USAGE = `Usage:
  chalan extract <file>... [--json] [--jobs N]   read invoices on this machine, no server needed
  chalan report --month YYYY-MM                  send that month's expense reports now
  chalan tally-bridge --server URL --token T [--tally http://localhost:9000] [--once]
                                                 on the office PC: post approved invoices into Tally
  chalan start                                   run the server (same as npm start)`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "extract": {
        const { runExtract } = await import("./extract");
        return await runExtract(args, process.stdout);
      }
      case "report": {
        const { runReport } = await import("./report");
        return await runReport(args, process.stdout);
      }
      case "tally-bridge": {
        const { runTallyBridge } = await import("./tally-bridge");
        return await runTallyBridge(args, process.stdout);
      }
      case "start":
        await import("../main");
        return await new Promise<number>(() => {});
      default:
        process.stderr.write(`${USAGE}\n`);
        return command === undefined || command === "--help" ? 0 : 2;
    }
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
    return 1;
  }
}
