import { Form, Link } from "@remix-run/react";

/** "Suivre" / "Ne plus suivre" for a public subject (an action, a theme); a sign-in link for visitors. */
export function FollowForm({ following, signedIn, what, returnTo }: { following: boolean; signedIn: boolean; what: string; returnTo: string }) {
  if (!signedIn) {
    return (
      <p>
        <Link to={`/connexion?redirectTo=${encodeURIComponent(returnTo)}`}>Connectez-vous</Link> pour suivre {what} et être prévenu de ses suites.
      </p>
    );
  }
  return (
    <Form method="post" className="mb-4">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <button type="submit" className="fr-btn fr-btn--secondary">
        {following ? "Ne plus suivre" : `Suivre ${what}`}
      </button>
    </Form>
  );
}
