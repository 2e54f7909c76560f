#!/usr/bin/env node
// The CLI is TypeScript run through tsx, like the server, so there is no build step to forget.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
