import { Form, Link } from "@remix-run/react";

type Review = { id: number; title: string; sequences: string[] };

/**
 * The long digit sequences left in irritants about to be published, and the explicit confirmation the team gives to
 * publish them anyway (a plain form: it works without JavaScript).
 */
export function DigitWarning({ review, hidden, maskLink }: { review: Review[]; hidden: Record<string, string | string[]>; maskLink?: string }) {
  return (
    <div className="fr-alert fr-alert--warning fr-alert--sm mb-6" role="alert">
      <p className="font-bold">Longues suites de chiffres à vérifier avant publication</p>
      <ul className="list-disc pl-6">
        {review.map((r) => (
          <li key={r.id}>
            <Link to={`/equipe/masquer?signalement=${r.id}`}>n°{r.id}</Link> — {r.title} : {r.sequences.map((s) => `« ${s} »`).join(", ")}
          </li>
        ))}
      </ul>
      <p>
        Un numéro de sécurité sociale, de dossier ou de téléphone permet de reconnaître un patient. {maskLink ? <Link to={maskLink}>Masquez le passage</Link> : "Masquez le passage"}{" "}
        s'il en est un ; sinon, confirmez la publication.
      </p>
      <Form method="post">
        {Object.entries(hidden).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => <input key={`${name}-${v}`} type="hidden" name={name} value={v} />))}
        <input type="hidden" name="confirm" value="1" />
        <button type="submit" className="fr-btn">
          Publier quand même
        </button>
      </Form>
    </div>
  );
}
