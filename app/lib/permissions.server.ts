import { redirect } from "@remix-run/node";
import { getUserByApiToken, getUserBySessionId, type SessionUser } from "./session-users.server";
import { apiError, HttpError } from "./errors";
import { can, type Permission } from "./permissions";

export { can, PERMISSIONS, type Permission } from "./permissions";
import { readSessionId } from "./session.server";


/**
 * Defence in depth for module commands: the command checks its actor itself, whatever the route did, and refuses
 * with the same 403 the routes turn into a page or a JSON error.
 */
export function assertCan(actor: Pick<SessionUser, "role"> | null | undefined, permission: Permission, message = "Action réservée à l'équipe programme."): void {
  if (!can(actor, permission)) throw new HttpError(403, message);
}

const isApiRequest = (request: Request) => new URL(request.url).pathname.startsWith("/api/");
/** Where a bearer token counts: the versioned API, nowhere else. */
const acceptsBearer = (request: Request) => {
  const path = new URL(request.url).pathname;
  return path === "/api/v1" || path.startsWith("/api/v1/");
};

/**
 * The signed-in user, from a bearer token (API clients, on /api/v1 only) or the session cookie (browsers). On pages
 * a bearer token is ignored: the request is what its cookie says, so a token cannot act through the site's forms
 * (for instance mint more tokens on /compte, or change the password).
 */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const authorization = request.headers.get("Authorization");
  if (acceptsBearer(request) && authorization?.startsWith("Bearer ")) return getUserByApiToken(authorization.slice(7).trim());
  const sessionId = await readSessionId(request);
  return sessionId ? getUserBySessionId(sessionId) : null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  if (isApiRequest(request)) throw apiError(401, "Authentification requise.");
  const url = new URL(request.url);
  const redirectTo = url.pathname.replace(/\.data$/, "") + url.search;
  throw redirect(`/connexion?redirectTo=${encodeURIComponent(redirectTo)}`);
}

function forbidden(request: Request): Response {
  const message = "Vous n'avez pas accès à cette page.";
  return isApiRequest(request) ? apiError(403, "Accès refusé.") : new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) throw forbidden(request);
  return user;
}

