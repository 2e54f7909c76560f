import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("uses the embedded defaults with an empty environment", () => {
    const c = loadConfig({ INIT_CWD: "/srv/chalan" });
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe(path.resolve("/srv/chalan/data"));
    expect(c.databaseUrl).toBeUndefined();
    expect(c.smtpUrl).toBeUndefined();
    expect(c.maxUploadBytes).toBe(25 * 1024 * 1024);
  });

  it("names every bad value and what would be accepted", () => {
    try {
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        SMTP_URL: "not a url",
        MAX_UPLOAD_MB: "0",
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT="eighty": must be a whole number/);
      expect(msg).toMatch(/DATABASE_URL="mysql:\/\/x": must be a PostgreSQL URL/);
      expect(msg).toMatch(/SMTP_URL="not a url": must be an SMTP URL/);
      expect(msg).toMatch(/MAX_UPLOAD_MB="0"/);
    }
  });

  it("accepts an external database and SMTP relay", () => {
    const c = loadConfig({
      DATABASE_URL: "postgres://chalan@db.internal:5432/chalan",
      SMTP_URL: "smtp://relay.example.bd:587",
      CHALAN_DATA_DIR: "/var/lib/chalan",
    });
    expect(c.databaseUrl).toBe("postgres://chalan@db.internal:5432/chalan");
    expect(c.smtpUrl).toBe("smtp://relay.example.bd:587");
    expect(c.dataDir).toBe("/var/lib/chalan");
  });

  it("takes QuickBooks' Intuit app whole or not at all, with Intuit's production URLs by default", () => {
    const off = loadConfig({});
    expect(off.quickbooks.app).toBeUndefined();
    expect(off.quickbooks.apiUrl).toBe("https://quickbooks.api.intuit.com");
    expect(off.quickbooks.pollSeconds).toBe(30);
    const on = loadConfig({
      QUICKBOOKS_CLIENT_ID: "ABc1",
      QUICKBOOKS_CLIENT_SECRET: "s3cret",
      QUICKBOOKS_REDIRECT_URL: "https://chalan.example.com.bd/api/connectors/quickbooks/callback",
      QUICKBOOKS_API_URL: "https://sandbox-quickbooks.api.intuit.com/",
    });
    expect(on.quickbooks.app?.clientId).toBe("ABc1");
    expect(on.quickbooks.apiUrl).toBe("https://sandbox-quickbooks.api.intuit.com");
    expect(() => loadConfig({ QUICKBOOKS_CLIENT_ID: "ABc1" })).toThrow(/set all three/);
  });
});
