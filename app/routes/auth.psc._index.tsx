import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PscErrorPage } from "~/components/psc";
import { getUser } from "~/lib/permissions.server";
import { PscError, pscErrorView, pscStartQuerySchema } from "~/modules/accounts";
import { beginPscSignIn, requirePscEnabled } from "~/modules/accounts/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.error.title ?? "Pro Santé Connect"} — Sentinelle` }];

/** Starts a Pro Santé Connect sign-in: off to the provider, or a French page when it cannot be reached. */
export async function loader({ request }: LoaderFunctionArgs) {
  requirePscEnabled();
  if (await getUser(request)) throw redirect("/compte");
  const { redirectTo } = pscStartQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const { location, cookies } = await beginPscSignIn(request, redirectTo ?? "/");
    const headers = new Headers();
    for (const cookie of cookies) headers.append("Set-Cookie", cookie);
    return redirect(location, { headers });
  } catch (error) {
    if (error instanceof PscError) return data({ error: pscErrorView(error) }, { status: error.status });
    throw error;
  }
}

export default function PscStart() {
  const { error } = useLoaderData<typeof loader>();
  return <PscErrorPage error={error} />;
}
