import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, pscFormActionOrigins } from "~/lib/env.server";

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

  it("reads TRUST_PROXY as a number of proxy hops, 0 by default, and refuses anything else", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    // `true` would trust any X-Forwarded-For a client sends: rate limits could be escaped.
    for (const value of ["true", "-1", "1.5", "loopback"]) expect(() => parseEnv({ TRUST_PROXY: value })).toThrowError(EnvError);
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

  it("gives Pro Santé Connect's defaults: scope, acr and client secret authentication", () => {
    const env = parseEnv({ PSC_SCOPE: "", PSC_ACR: "" });
    expect(env.PSC_SCOPE).toBe("openid scope_all");
    expect(env.PSC_ACR).toBe("eidas1");
    expect(env.PSC_TOKEN_AUTH_METHOD).toBe("client_secret_basic");
    expect(env.PSC_DISCOVERY_URL).toBeUndefined();
  });

  it("accepts Pro Santé Connect URLs over https, and plain http only on this machine", () => {
    expect(parseEnv({ PSC_ISSUER: "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet" }).PSC_ISSUER).toBe(
      "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet",
    );
    expect(parseEnv({ PSC_ISSUER: "http://127.0.0.1:4000/auth/realms/test" }).PSC_ISSUER).toBe("http://127.0.0.1:4000/auth/realms/test");
    expect(() => parseEnv({ PSC_ISSUER: "http://psc.example.fr" })).toThrowError(/PSC_ISSUER/);
    expect(() => parseEnv({ PSC_DISCOVERY_URL: "http://psc.example.fr/.well-known/openid-configuration" })).toThrowError(/PSC_DISCOVERY_URL/);
    expect(() => parseEnv({ PSC_TOKEN_AUTH_METHOD: "private_key_jwt" })).toThrowError(/PSC_TOKEN_AUTH_METHOD/);
  });

  it("lets forms redirect to Pro Santé Connect only when it is fully configured", () => {
    const psc = { PSC_ISSUER: "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet", PSC_CLIENT_ID: "id", PSC_CLIENT_SECRET: "secret" };
    expect(pscFormActionOrigins(parseEnv(psc))).toEqual(["https://auth.esw.esante.gouv.fr"]);
    expect(pscFormActionOrigins(parseEnv({ ...psc, PSC_CLIENT_SECRET: "" }))).toEqual([]);
  });
});

