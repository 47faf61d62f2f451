import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Merci pour vos réponses — Sentinelle" }];

export default function Thanks() {
  return (
    <div className="prose-page">
      <h1>Merci pour vos réponses</h1>
      <p>Vos réponses sont enregistrées de façon anonyme : elles ne sont pas reliées à votre lien d'invitation ni à votre compte.</p>
      <p>
        Les résultats seront publiés sur la page <Link to="/resultats">Résultats des enquêtes</Link> à la clôture de la vague.
      </p>
    </div>
  );
}
