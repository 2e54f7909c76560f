import { uuidv7 } from "@chalan/core";
import type { ChalanDb } from "./db";

/** This browser's identity in the op log: made once, on the device, and kept with the data. */
export async function deviceId(db: ChalanDb): Promise<string> {
  return db.transaction("rw", db.settings, async () => {
    const have = await db.settings.get("deviceId");
    if (typeof have?.value === "string") return have.value;
    const id = uuidv7();
    await db.settings.put({ key: "deviceId", value: id });
    return id;
  });
}
