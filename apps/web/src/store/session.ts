import { LoginRequest, SignupRequest } from "@chalan/core";
import type { ChalanDb } from "./db";

/** Who is signed in on this device; kept with the data so sending can resume after a reload. */
export interface Session {
  token: string;
  email: string;
  name: string;
}

export async function currentSession(db: ChalanDb): Promise<Session | null> {
  const s = await db.settings.get("session");
  return (s?.value as Session | undefined) ?? null;
}

async function post(path: string, body: unknown): Promise<{ token: string; name: string }> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(data?.detail ?? `HTTP ${res.status}`);
  return data;
}

export async function signIn(db: ChalanDb, form: unknown): Promise<void> {
  const body = LoginRequest.parse(form);
  const { token, name } = await post("/api/login", body);
  await db.settings.put({ key: "session", value: { token, email: body.email, name } });
}

export async function signUp(db: ChalanDb, form: unknown): Promise<void> {
  const body = SignupRequest.parse(form);
  const { token } = await post("/api/signup", body);
  await db.settings.put({ key: "session", value: { token, email: body.email, name: body.name } });
}

export async function signOut(db: ChalanDb): Promise<void> {
  await db.settings.delete("session");
}
