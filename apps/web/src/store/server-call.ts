import type { ChalanDb } from "./db";
import { currentSession } from "./session";

/**
 * One call to the server as the signed-in user, for what only the server can do (it holds every
 * supplier and invoice of the business). Throws the server's own explanation when it refuses.
 */
export async function serverCall(db: ChalanDb, path: string, init: RequestInit): Promise<unknown> {
  const session = await currentSession(db);
  if (!session) throw new Error("Sign in first (Account).");
  const res = await fetch(path, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${session.token}` },
  });
  if (res.status === 204) return null;
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.detail ?? `HTTP ${res.status}`);
  return body;
}

export const json = (body: unknown): RequestInit => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
