import type { Role } from "#db/schema";

/**
 * What each role may do. Guards and modules ask `can(user, action)`, so the rules
 * live in one table instead of role lists scattered over routes.
 */
export const PERMISSIONS = {
  "irritant:file": ["practitioner", "patient"],
  // Issue 20: a vendor files about another vendor's product (never its own); it becomes that vendor's ticket.
  "irritant:file-other-vendor": ["vendor"],
  // The team files on behalf of a named practitioner after a visit or a call, and imports an existing backlog.
  // There is no field-delegate role: the team only.
  "irritant:file-on-behalf": ["team", "admin"],
  // Health professionals have a professional profile (profession, RPPS, practice) and may link Pro Santé Connect.
  "profile:professional": ["practitioner"],
  // The team's workspace (/equipe) and its menu.
  "team:workspace": ["team", "admin"],
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
  // Announcements to vendor groups (SONS, non-SONS): the team sends them, the groups' vendor members read them.
  "vendor:announce": ["team", "admin"],
  "announcement:receive": ["vendor"],
  "action-plan:edit": ["team", "admin"],
  "survey:manage": ["team", "admin"],
  "progress:edit": ["team", "admin"],
  // The regulatory register (/equipe/reglementation) and the links of irritants, actions and indicators to its entries.
  "regulation:edit": ["team", "admin"],
  // Seminars: the team prepares events, registrations, verbatims, feedback and restitution;
  // a workshop's facilitator (any account named on it) runs that workshop's board.
  "seminar:manage": ["team", "admin"],
  "admin:mailbox": ["admin"],
  "audit:read": ["team", "admin"],
  // "Masquer un passage": the team erases a passage that identifies a patient from any free text.
  "content:redact": ["team", "admin"],
  "admin:accounts": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Whether the user (or a bare role holder: a sign-up form, a stored row) may do it. Shared by server and pages, so
 * menus and pages ask the same table as the guards; raw role comparisons elsewhere are refused by a unit test.
 */
export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}
