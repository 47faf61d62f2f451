import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/lib/env.server";

describe("parseEnv", () => {
  it("gives working defaults for an offline start", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("data/sentinelle.db");
    expect(env.DEMO_DATA).toBe(true);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SESSION_SECRET).toBeUndefined();
  });

  it("reads booleans and numbers written as strings", () => {
    const env = parseEnv({ DEMO_DATA: "false", PORT: "8080", PUBLIC_URL: "https://sentinelle.example.test" });
    expect(env.DEMO_DATA).toBe(false);
    expect(env.PORT).toBe(8080);
    expect(env.PUBLIC_URL).toBe("https://sentinelle.example.test");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ SMTP_URL: "", PSC_ISSUER: "" }).SMTP_URL).toBeUndefined();
  });

  it("names every invalid variable in one clear error", () => {
    expect(() => parseEnv({ PORT: "not-a-port", DEMO_DATA: "maybe", SESSION_SECRET: "short" })).toThrowError(EnvError);
    try {
      parseEnv({ PORT: "not-a-port", DEMO_DATA: "maybe", SESSION_SECRET: "short" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DEMO_DATA");
      expect(message).toContain("SESSION_SECRET");
    }
  });
});
