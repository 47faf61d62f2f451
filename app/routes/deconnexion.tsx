import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { clearSessionCookie, readSessionId } from "~/lib/session.server";
import { destroySession } from "~/modules/accounts/accounts.server";

export const meta: MetaFunction = () => [{ title: "Se déconnecter — Sentinelle" }];

export async function action({ request }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request);
  if (sessionId) destroySession(sessionId);
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookie() } });
}

// Signing out changes state, so it is a POST; this page serves people who land here by link.
export default function SignOut() {
  return (
    <div className="mx-auto max-w-lg">
      <h1>Se déconnecter</h1>
      <Form method="post">
        <button type="submit" className="btn">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}
