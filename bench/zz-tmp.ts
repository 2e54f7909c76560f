import { benchExtraction } from "./src/extraction";
const r = await benchExtraction({ limit: Number.POSITIVE_INFINITY, workers: Number(process.argv[2] ?? 1) });
const { misses, ...rest } = r as any;
console.log(JSON.stringify(rest));
