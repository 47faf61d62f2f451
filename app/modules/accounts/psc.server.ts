/**
 * Sign-in with Pro Santé Connect (PSC), the national OpenID Connect provider of health professionals.
 *
 * Authorization code flow with state, nonce and PKCE (S256), `acr_values` (eidas1 by default), client secret
 * authentication, discovery at `{issuer}/.well-known/wallet-openid-configuration` then the standard path.
 * The flow's secrets live in a short-lived signed HttpOnly cookie; the identity waiting for the completion
 * form in another; the ID token kept for sign-out in a third, bound to the app session it belongs to.
 */
import { createHash } from "node:crypto";
import type { Cookie } from "@remix-run/node";
import { signedCookie } from "~/lib/cookies.server";
import * as oidc from "openid-client";
import { z } from "zod";
import { getEnv, isLoopbackHttp, type Env } from "~/lib/env.server";
import { commitSessionId, readSessionId } from "~/lib/session.server";
import { createSession, destroySession, type SessionUser } from "./accounts.server";
import { resolvePscSignIn } from "./psc-accounts.server";
import { parsePscClaims, PscError, pscIdentitySchema, type PscIdentity } from "./psc-claims";
import { safeRedirectPath } from "~/lib/redirects";


const PSC_CALLBACK_PATH = "/auth/psc/callback";
const WALLET_DISCOVERY_PATH = "/.well-known/wallet-openid-configuration";
const STANDARD_DISCOVERY_PATH = "/.well-known/openid-configuration";
const HTTP_TIMEOUT_SECONDS = 10;
const DISCOVERY_CACHE_MS = 60 * 60 * 1000;
const FLOW_SECONDS = 10 * 60;
const PENDING_SECONDS = 15 * 60;
const SESSION_SECONDS = 30 * 86_400;

export type PscSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  discoveryUrl: string | undefined;
  scope: string;
  acr: string;
  tokenAuthMethod: "client_secret_basic" | "client_secret_post";
};

/** The PSC settings when the issuer, client id and secret are all set; null otherwise (PSC is then invisible). */
function pscSettings(env: Env = getEnv()): PscSettings | null {
  if (!env.PSC_ISSUER || !env.PSC_CLIENT_ID || !env.PSC_CLIENT_SECRET) return null;
  return {
    issuer: env.PSC_ISSUER,
    clientId: env.PSC_CLIENT_ID,
    clientSecret: env.PSC_CLIENT_SECRET,
    discoveryUrl: env.PSC_DISCOVERY_URL,
    scope: env.PSC_SCOPE,
    acr: env.PSC_ACR,
    tokenAuthMethod: env.PSC_TOKEN_AUTH_METHOD,
  };
}

export const isPscEnabled = () => pscSettings() !== null;

/** Guard of the /auth/psc/* routes: they do not exist when PSC is not configured. */
export function requirePscEnabled(): PscSettings {
  const settings = pscSettings();
  if (!settings) throw new Response("Page introuvable.", { status: 404 });
  return settings;
}

// ---------------------------------------------------------------------------------------------------------------
// Discovery

const unreachable = (cause?: unknown) => {
  if (cause) console.error("Pro Santé Connect unavailable:", cause instanceof Error ? cause.message : cause);
  return new PscError(
    502,
    "Pro Santé Connect ne répond pas",
    "Le service Pro Santé Connect n'a pas pu être joint ou a répondu de façon inattendue. Réessayez dans quelques instants, ou connectez-vous avec votre adresse e-mail.",
    "provider_unreachable",
  );
};

const discoverySchema = z.looseObject({
  issuer: z.url(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url(),
  jwks_uri: z.url().optional(),
  end_session_endpoint: z.url().optional(),
});

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

async function fetchDiscoveryDocument(url: string, issuer: string) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, redirect: "error", signal: AbortSignal.timeout(HTTP_TIMEOUT_SECONDS * 1000) });
  if (!response.ok) throw new Error(`discovery ${url} answered ${response.status}`);
  const document = discoverySchema.parse(await response.json());
  // The document is fetched by URL, so its issuer is checked here (the ID token's iss is then checked against it).
  if (withoutTrailingSlash(document.issuer) !== withoutTrailingSlash(issuer)) {
    throw new Error(`discovery ${url} names issuer ${document.issuer}, expected ${issuer}`);
  }
  return document;
}

let cachedConfiguration: { key: string; expiresAt: number; config: oidc.Configuration } | undefined;

/** The provider's metadata and this client, discovered once an hour; a 502 PscError when PSC cannot be reached. */
export async function pscConfiguration(settings: PscSettings): Promise<oidc.Configuration> {
  const key = JSON.stringify(settings);
  if (cachedConfiguration?.key === key && cachedConfiguration.expiresAt > Date.now()) return cachedConfiguration.config;
  const candidates = settings.discoveryUrl
    ? [settings.discoveryUrl]
    : [withoutTrailingSlash(settings.issuer) + WALLET_DISCOVERY_PATH, withoutTrailingSlash(settings.issuer) + STANDARD_DISCOVERY_PATH];
  let lastError: unknown;
  for (const url of candidates) {
    try {
      const metadata = await fetchDiscoveryDocument(url, settings.issuer);
      const authentication =
        settings.tokenAuthMethod === "client_secret_post" ? oidc.ClientSecretPost(settings.clientSecret) : oidc.ClientSecretBasic(settings.clientSecret);
      const config = new oidc.Configuration(metadata as oidc.ServerMetadata, settings.clientId, { client_secret: settings.clientSecret }, authentication);
      config.timeout = HTTP_TIMEOUT_SECONDS;
      // Plain http only towards a provider on this machine (the test provider); the env schema refuses it elsewhere.
      if (isLoopbackHttp(settings.issuer)) oidc.allowInsecureRequests(config);
      cachedConfiguration = { key, expiresAt: Date.now() + DISCOVERY_CACHE_MS, config };
      return config;
    } catch (error) {
      lastError = error;
    }
  }
  throw unreachable(lastError);
}

// ---------------------------------------------------------------------------------------------------------------
// Cookies

const flowCookie = () => signedCookie("sentinelle_psc_flow", { path: "/auth/psc", maxAge: FLOW_SECONDS });
const pendingCookie = () => signedCookie("sentinelle_psc_pending", { path: "/auth/psc", maxAge: PENDING_SECONDS });
const sessionLinkCookie = () => signedCookie("sentinelle_psc", { maxAge: SESSION_SECONDS });

const flowSchema = z.object({
  state: z.string().min(20).max(200),
  nonce: z.string().min(20).max(200),
  verifier: z.string().min(43).max(128),
  redirectTo: z.string().max(500),
});

const pendingSchema = z.object({
  identity: pscIdentitySchema,
  idToken: z.string().max(8000).nullable(),
  redirectTo: z.string().max(500),
  emailTaken: z.boolean(),
  rppsDeclaredElsewhere: z.boolean(),
});
export type PendingPscSignIn = z.infer<typeof pendingSchema>;

const sessionLinkSchema = z.object({ session: z.string().length(64), idToken: z.string().max(8000) });

async function readCookie<T>(cookie: Cookie, schema: z.ZodType<T>, request: Request): Promise<T | null> {
  const value = await cookie.parse(request.headers.get("Cookie"));
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const expire = (cookie: Cookie) => cookie.serialize("", { maxAge: 0 });
export const clearFlowCookie = () => expire(flowCookie());
const clearPendingCookie = () => expire(pendingCookie());
export const clearSessionLinkCookie = () => expire(sessionLinkCookie());

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

// ---------------------------------------------------------------------------------------------------------------
// The flow

/** This application's base address: PUBLIC_URL when set, else the address the request came to. */
function baseUrl(request: Request) {
  return withoutTrailingSlash(getEnv().PUBLIC_URL ?? new URL(request.url).origin);
}
const callbackUrl = (request: Request) => baseUrl(request) + PSC_CALLBACK_PATH;

export type Redirection = { location: string; cookies: string[] };

/** Starts a sign-in: the provider's authorization URL, and the cookie that holds state, nonce and PKCE verifier. */
export async function beginPscSignIn(request: Request, redirectTo: string): Promise<Redirection> {
  const settings = requirePscEnabled();
  const config = await pscConfiguration(settings);
  const flow = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    redirectTo: safeRedirectPath(redirectTo, "/"),
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(request),
    response_type: "code",
    scope: settings.scope,
    acr_values: settings.acr,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  return { location: url.href, cookies: [await flowCookie().serialize(flow)] };
}

const callbackSchema = z.object({
  code: z.string().min(1).max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

const refused = (message: string, code: string) => new PscError(400, "Connexion avec Pro Santé Connect refusée", message, code);

/** Reads an error raised by openid-client during the code exchange or the UserInfo call into a French refusal. */
function protocolError(error: unknown): PscError {
  if (error instanceof PscError) return error;
  if (error instanceof oidc.ResponseBodyError) {
    if (error.error === "invalid_grant") {
      return refused(
        "Le code de connexion transmis par Pro Santé Connect a expiré ou a déjà été utilisé. Recommencez la connexion.",
        "invalid_grant",
      );
    }
    if (error.status >= 500) return unreachable(error);
    return refused(`Pro Santé Connect a refusé l'échange du code de connexion (${error.error}). Recommencez la connexion.`, error.error);
  }
  if (error instanceof TypeError || (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))) {
    return unreachable(error);
  }
  if (error instanceof oidc.ClientError && error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM") return unreachable(error);
  // Wrong state, nonce, issuer, audience or a malformed token: the answer is not the one this browser asked for.
  console.error("Pro Santé Connect answer refused:", error instanceof Error ? `${error.name}: ${error.message}` : error);
  return refused("La réponse de Pro Santé Connect n'a pas pu être vérifiée. Par sécurité, elle a été refusée. Recommencez la connexion.", "invalid_response");
}

/**
 * Handles the provider's answer: checks it against the flow cookie, exchanges the code, reads UserInfo.
 * Throws a PscError for every refusal (cancel, forged or stale answer, provider down, unknown profession).
 */
async function verifyPscCallback(request: Request): Promise<{ identity: PscIdentity; idToken: string | null; redirectTo: string }> {
  const settings = requirePscEnabled();
  const url = new URL(request.url);
  const params = callbackSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!params.success) throw refused("La réponse reçue de Pro Santé Connect est illisible.", "bad_request");
  const { code, state, error } = params.data;

  if (error === "access_denied") {
    throw new PscError(
      400,
      "Connexion annulée",
      "Vous avez annulé la connexion avec Pro Santé Connect, ou elle n'a pas été autorisée. Aucun compte n'a été créé ni modifié.",
      "access_denied",
    );
  }
  if (error) throw refused(`Pro Santé Connect n'a pas pu vous connecter (code « ${error} »). Recommencez la connexion.`, error);

  const flow = await readCookie(flowCookie(), flowSchema, request);
  if (!flow) {
    throw refused(
      "Cette réponse de Pro Santé Connect ne correspond à aucune connexion en cours dans ce navigateur, ou la demande a expiré (10 minutes). Recommencez la connexion.",
      "no_flow",
    );
  }
  if (!state || state !== flow.state) {
    throw refused("La réponse de Pro Santé Connect ne correspond pas à votre demande de connexion. Par sécurité, elle a été refusée.", "state_mismatch");
  }
  if (!code) throw refused("Pro Santé Connect n'a pas transmis de code de connexion. Recommencez la connexion.", "no_code");

  const config = await pscConfiguration(settings);
  const currentUrl = new URL(callbackUrl(request));
  url.searchParams.forEach((value, key) => currentUrl.searchParams.append(key, value));
  let claims: unknown;
  let idToken: string | null;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw refused("Pro Santé Connect n'a pas transmis de jeton d'identité.", "no_id_token");
    if (idClaims.acr !== settings.acr) {
      throw new PscError(
        403,
        "Niveau d'authentification insuffisant",
        `La connexion doit se faire avec un moyen d'identification de niveau « ${settings.acr} » (carte CPS ou application e-CPS). Recommencez la connexion.`,
        "acr",
      );
    }
    idToken = tokens.id_token ?? null;
    claims = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  } catch (caught) {
    throw protocolError(caught);
  }
  return { identity: parsePscClaims(claims), idToken, redirectTo: safeRedirectPath(flow.redirectTo, "/") };
}

/** Opens the app session of a user signed in through PSC: the session cookie, and the ID token for sign-out. */
async function openSession(request: Request, user: SessionUser, idToken: string | null): Promise<string[]> {
  const previous = await readSessionId(request);
  if (previous) destroySession(previous);
  const session = createSession(user.id);
  const cookies = [await commitSessionId(session.id)];
  cookies.push(idToken ? await sessionLinkCookie().serialize({ session: sha256(session.id), idToken }) : await clearSessionLinkCookie());
  return cookies;
}

/** The callback, end to end: signed in (or account created), or on to the completion form. */
export async function handlePscCallback(request: Request): Promise<Redirection> {
  const { identity, idToken, redirectTo } = await verifyPscCallback(request);
  const outcome = resolvePscSignIn(identity);
  const cookies = [await clearFlowCookie()];
  if (outcome.kind === "signed-in") {
    cookies.push(...(await openSession(request, outcome.user, idToken)));
    return { location: outcome.created ? "/compte?bienvenue=1" : redirectTo, cookies };
  }
  const pending: PendingPscSignIn = { identity, idToken, redirectTo, emailTaken: outcome.emailTaken, rppsDeclaredElsewhere: outcome.rppsDeclaredElsewhere };
  cookies.push(await pendingCookie().serialize(pending));
  return { location: "/auth/psc/finaliser", cookies };
}

/** The identity waiting for the completion form, or null when there is none (or it expired). */
export function readPendingPscSignIn(request: Request) {
  return readCookie(pendingCookie(), pendingSchema, request);
}

/** After the completion form: the session opens and the pending identity is forgotten. */
export async function finishPendingPscSignIn(request: Request, pending: PendingPscSignIn, user: SessionUser, location: string): Promise<Redirection> {
  return { location, cookies: [await clearPendingCookie(), ...(await openSession(request, user, pending.idToken))] };
}

/**
 * Where sign-out sends the browser: the provider's end-session endpoint when this session was opened through
 * PSC and the provider offers one, else null (the app session ends either way, even when PSC is down).
 */
export async function pscEndSessionUrl(request: Request, sessionId: string): Promise<string | null> {
  const settings = pscSettings();
  if (!settings) return null;
  const link = await readCookie(sessionLinkCookie(), sessionLinkSchema, request);
  if (!link || link.session !== sha256(sessionId)) return null;
  try {
    const config = await pscConfiguration(settings);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { id_token_hint: link.idToken, post_logout_redirect_uri: baseUrl(request) + "/" }).href;
  } catch {
    return null;
  }
}
