import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { clearSessionCookie, readSessionId } from "~/lib/session.server";
import { clearSessionLinkCookie, destroySession, pscEndSessionUrl } from "~/modules/accounts/index.server";

export const meta: MetaFunction = () => [{ title: "Se déconnecter — Sentinelle" }];

/**
 * Ends the app session in every case; when it was opened through Pro Santé Connect and the provider offers an
 * end-session endpoint, the browser then goes there to end the PSC session too, and comes back to the home page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request);
  const providerLogout = sessionId ? await pscEndSessionUrl(request, sessionId) : null;
  if (sessionId) destroySession(sessionId);
  const headers = new Headers();
  headers.append("Set-Cookie", await clearSessionCookie());
  headers.append("Set-Cookie", await clearSessionLinkCookie());
  return redirect(providerLogout ?? "/", { headers });
}

// Signing out changes state, so it is a POST; this page serves people who land here by link.
export default function SignOut() {
  return (
    <div className="mx-auto max-w-lg">
      <h1>Se déconnecter</h1>
      <Form method="post">
        <button type="submit" className="fr-btn">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}
