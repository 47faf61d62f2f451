import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/lib/permissions.server";

export const meta: MetaFunction = () => [{ title: "Mon compte — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

/** The account's sections, one page each. */
const SECTIONS = [
  { to: "/compte", label: "Profil" },
  { to: "/compte/mot-de-passe", label: "Mot de passe" },
  { to: "/compte/notifications", label: "Notifications" },
  { to: "/compte/jetons", label: "Jetons d'accès à l'API" },
  { to: "/compte/securite", label: "Sécurité et données personnelles" },
] as const;

export default function Account() {
  const [searchParams] = useSearchParams();
  return (
    <div className="prose-page">
      <h1>Mon compte</h1>
      {searchParams.get("bienvenue") ? (
        <div role="status" className="fr-alert fr-alert--success fr-alert--sm mb-6">
          <p className="mb-0">Votre compte est créé. Bienvenue sur Sentinelle.</p>
        </div>
      ) : null}
      {searchParams.get("relie") ? (
        <div role="status" className="fr-alert fr-alert--success fr-alert--sm mb-6">
          <p className="mb-0">Votre compte est désormais relié à Pro Santé Connect : vous pouvez vous connecter avec votre carte CPS ou e-CPS.</p>
        </div>
      ) : null}
      <nav aria-label="Mon compte" className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2 pl-0">
          {SECTIONS.map((section) => (
            <li key={section.to} className="list-none">
              <NavLink to={section.to} end className={({ isActive }) => (isActive ? "font-bold" : undefined)}>
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
