import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { decodeRedactions, describeRedactions } from "~/lib/text/redaction";

export const meta: MetaFunction = () => [{ title: "Merci pour vos réponses — Sentinelle" }];

// The URL carries only the counts of what was masked ("nir-1"), never text.
export function loader({ request }: LoaderFunctionArgs) {
  return { redactionNotice: describeRedactions(decodeRedactions(new URL(request.url).searchParams.get("masque")), "dans une réponse d'enquête") };
}

export default function Thanks() {
  const { redactionNotice } = useLoaderData<typeof loader>();
  return (
    <div className="prose-page">
      <h1>Merci pour vos réponses</h1>
      {redactionNotice ? <Notice ok message={redactionNotice} /> : null}
      <p>Vos réponses sont enregistrées de façon anonyme : elles ne sont pas reliées à votre lien d'invitation ni à votre compte.</p>
      <p>
        Les résultats seront publiés sur la page <Link to="/resultats">Résultats des enquêtes</Link> à la clôture de la vague.
      </p>
    </div>
  );
}
