import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PscErrorPage } from "~/components/psc";
import { PscError, pscErrorView } from "~/modules/accounts";
import { clearFlowCookie, handlePscCallback, requirePscEnabled } from "~/modules/accounts/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.error.title ?? "Pro Santé Connect"} — Sentinelle` }];

/**
 * Where Pro Santé Connect sends the browser back. The module checks the answer against the flow cookie
 * (zod-parsed query, state, nonce, PKCE), then signs in, creates the account or asks for completion.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  requirePscEnabled();
  try {
    const { location, cookies } = await handlePscCallback(request);
    const headers = new Headers();
    for (const cookie of cookies) headers.append("Set-Cookie", cookie);
    return redirect(location, { headers });
  } catch (error) {
    if (!(error instanceof PscError)) throw error;
    // The flow cookie is single use: whatever happened, a new sign-in starts from scratch.
    return data({ error: pscErrorView(error) }, { status: error.status, headers: { "Set-Cookie": await clearFlowCookie() } });
  }
}

export default function PscCallback() {
  const { error } = useLoaderData<typeof loader>();
  return <PscErrorPage error={error} />;
}
