import type { ChalanDb, LocalPage } from "../store/db";
import type { Session } from "../store/session";

/**
 * Bytes per PATCH: about 8 s on a 256 kbit/s link, so a cut costs little (the server keeps what it
 * received anyway) while headers stay well under 1% of what is sent.
 */
const CHUNK = 256 * 1024;

export type PageUpload = { kind: "held" } | { kind: "refused"; reason: string } | { kind: "stop" };

const tusMeta = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => {
      const utf8 = new TextEncoder().encode(v);
      return `${k} ${btoa(String.fromCharCode(...utf8))}`;
    })
    .join(",");

const reasonOf = async (res: Response) =>
  ((await res.json().catch(() => null)) as { detail?: string } | null)?.detail ??
  `HTTP ${res.status}`;

/**
 * Gets one page's bytes onto the server (docs/sync.md): nothing if it holds them already (by
 * SHA-256), else a tus upload that resumes from the last byte the server acknowledged, across
 * dropped connections and restarts (the upload's address is kept with the page). `onBytes` hears
 * how many of the page's bytes the server holds as they are acknowledged.
 */
export async function uploadPage(
  db: ChalanDb,
  session: Session,
  page: LocalPage,
  fetchFn: typeof fetch,
  onBytes: (held: number) => void = () => {},
): Promise<PageUpload> {
  const auth = { authorization: `Bearer ${session.token}` };
  const tus = { ...auth, "tus-resumable": "1.0.0" };
  const key: [string, number] = [page.invoiceId, page.n];
  const size = page.bytes.size;
  const held = async (): Promise<PageUpload> => {
    await db.pages.update(key, { uploaded: true, uploadUrl: undefined });
    onBytes(size);
    return { kind: "held" };
  };
  const refused = async (res: Response): Promise<PageUpload> => {
    await db.pages.update(key, { uploadUrl: undefined });
    return { kind: "refused", reason: await reasonOf(res) };
  };
  try {
    const known = await fetchFn(`/api/sync/pages/${page.sha256}`, { headers: auth });
    if (known.ok) return await held();
    if (known.status !== 404) return { kind: "stop" };

    let url = page.uploadUrl;
    let offset = 0;
    if (url) {
      const head = await fetchFn(url, { method: "HEAD", headers: tus });
      if (head.ok) offset = Number(head.headers.get("upload-offset") ?? 0);
      else if (head.status === 404 || head.status === 410) url = undefined;
      else return { kind: "stop" };
    }
    if (!url) {
      const created = await fetchFn("/api/uploads", {
        method: "POST",
        headers: {
          ...tus,
          "upload-length": String(size),
          "upload-metadata": tusMeta({
            sha256: page.sha256,
            filename: page.original.name.slice(0, 255),
          }),
        },
      });
      const location = created.headers.get("location");
      if (created.status !== 201 || !location) {
        return created.status >= 400 && created.status < 500 && created.status !== 401
          ? await refused(created)
          : { kind: "stop" };
      }
      // Only the path: the same upload is resumed whichever address the app was loaded from.
      url = new URL(location, "http://origin.invalid").pathname;
      await db.pages.update(key, { uploadUrl: url });
    }
    onBytes(offset);
    for (;;) {
      const res = await fetchFn(url, {
        method: "PATCH",
        headers: {
          ...tus,
          "upload-offset": String(offset),
          "content-type": "application/offset+octet-stream",
        },
        body: page.bytes.slice(offset, offset + CHUNK),
      });
      // 200: the last byte arrived and the page was checked and stored.
      if (res.status === 200) return await held();
      if (res.status === 204) {
        offset = Number(res.headers.get("upload-offset"));
        onBytes(offset);
        continue;
      }
      // 409: the server holds a different offset than assumed (a cut PATCH it partly kept).
      if (res.status === 409) {
        const head = await fetchFn(url, { method: "HEAD", headers: tus });
        if (!head.ok) return { kind: "stop" };
        offset = Number(head.headers.get("upload-offset") ?? 0);
        continue;
      }
      if (res.status === 404 || res.status === 410) {
        await db.pages.update(key, { uploadUrl: undefined });
        return { kind: "stop" };
      }
      return res.status >= 400 && res.status < 500 && res.status !== 401
        ? await refused(res)
        : { kind: "stop" };
    }
  } catch {
    // No connection, or it dropped mid-request: the next pass resumes from what the server kept.
    return { kind: "stop" };
  }
}
