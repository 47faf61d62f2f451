import { redirect } from "@remix-run/node";
import type { Role } from "#db/schema";
import { getUserByApiToken, getUserBySessionId, type SessionUser } from "~/modules/accounts/accounts.server";
import { apiError, HttpError } from "./errors";
import { readSessionId } from "./session.server";

/**
 * What each role may do. Guards and modules ask `can(user, action)`, so the rules
 * live in one table instead of role lists scattered over routes.
 */
export const PERMISSIONS = {
  "irritant:file": ["practitioner", "patient"],
  "irritant:triage": ["team", "admin"],
  "irritant:read-unpublished": ["team", "admin"],
  "account:manage-tokens": ["practitioner", "patient", "vendor", "team", "admin"],
  "ticket:read-all": ["team", "admin"],
  "ticket:manage": ["team", "admin"],
  // A vendor's members answer their own vendor's tickets (the organisation check is the module's).
  "ticket:respond": ["vendor"],
  // Vendors answer from their tickets, not in an irritant's public thread.
  "irritant:comment": ["practitioner", "patient", "team", "admin"],
  "catalogue:manage": ["team", "admin"],
  "action-plan:edit": ["team", "admin"],
  "survey:manage": ["team", "admin"],
  "progress:edit": ["team", "admin"],
  // Seminars: the team prepares events, registrations, verbatims, feedback and restitution;
  // a workshop's facilitator (any account named on it) runs that workshop's board.
  "seminar:manage": ["team", "admin"],
  "admin:mailbox": ["admin"],
  "audit:read": ["team", "admin"],
  "admin:accounts": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: Pick<SessionUser, "role"> | null | undefined, permission: Permission): boolean {
  return !!user && (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/**
 * Defence in depth for module commands: the command checks its actor itself, whatever the route did, and refuses
 * with the same 403 the routes turn into a page or a JSON error.
 */
export function assertCan(actor: Pick<SessionUser, "role"> | null | undefined, permission: Permission, message = "Action réservée à l'équipe programme."): void {
  if (!can(actor, permission)) throw new HttpError(403, message);
}

const isApiRequest = (request: Request) => new URL(request.url).pathname.startsWith("/api/");

/** The signed-in user, from a bearer token (API clients) or the session cookie (browsers). */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const authorization = request.headers.get("Authorization");
  if (authorization?.startsWith("Bearer ")) return getUserByApiToken(authorization.slice(7).trim());
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

export function forbidden(request: Request): Response {
  const message = "Vous n'avez pas accès à cette page.";
  return isApiRequest(request) ? apiError(403, "Accès refusé.") : new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) throw forbidden(request);
  return user;
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw forbidden(request);
  return user;
}
