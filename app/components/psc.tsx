import { Link } from "@remix-run/react";

/**
 * The entry to Pro Santé Connect. A plain link (full page load), not a client-side navigation:
 * it ends on the provider's site.
 */
export function PscSignInButton({ redirectTo }: { redirectTo?: string | null }) {
  const href = redirectTo ? `/auth/psc?redirectTo=${encodeURIComponent(redirectTo)}` : "/auth/psc";
  return (
    <div className="card mb-6">
      <h2 className="mt-0 text-lg">Vous êtes professionnel de santé ?</h2>
      <p>Connectez-vous avec votre carte CPS ou l'application e-CPS, sans mot de passe Sentinelle.</p>
      <a href={href} className="fr-btn" data-psc="connexion">
        Se connecter avec Pro Santé Connect
      </a>
      <p className="mb-0 mt-3 text-sm text-gris-600">
        À la première connexion, votre compte de professionnel de santé est créé avec votre numéro RPPS vérifié.
      </p>
    </div>
  );
}

export type PscErrorView = { title: string; message: string; code: string; status: number };

/** What a refused Pro Santé Connect sign-in shows: a French explanation and the way back. */
export function PscErrorPage({ error }: { error: PscErrorView }) {
  return (
    <div className="prose-page">
      <p className="text-sm text-gris-600">Erreur {error.status}</p>
      <h1>{error.title}</h1>
      <div role="alert" className="fr-alert fr-alert--error fr-alert--sm mb-6">
        <p className="mb-0">{error.message}</p>
      </div>
      <p>
        <Link to="/connexion">Retour à la page de connexion</Link> · <Link to="/">Retour à l'accueil</Link>
      </p>
    </div>
  );
}
