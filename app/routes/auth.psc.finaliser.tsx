import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { PscErrorPage } from "~/components/psc";
import { formAction } from "~/lib/forms.server";
import { PscError, professionLabel, pscCompletionPageSchema, pscErrorView } from "~/modules/accounts";
import {
  createPscAccount,
  finishPendingPscSignIn,
  linkPscAccount,
  readPendingPscSignIn,
  requirePscEnabled,
} from "~/modules/accounts/index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "error" in data ? data.error.title : "Finaliser votre connexion avec Pro Santé Connect"} — Sentinelle` },
];

const noPendingSignIn = () =>
  new PscError(
    400,
    "Aucune connexion Pro Santé Connect en cours",
    "Cette page termine une connexion avec Pro Santé Connect ; aucune n'est en cours dans ce navigateur, ou elle a expiré (15 minutes). Recommencez la connexion.",
    "no_pending",
  );

export async function loader({ request }: LoaderFunctionArgs) {
  requirePscEnabled();
  const pending = await readPendingPscSignIn(request);
  if (!pending) return data({ error: pscErrorView(noPendingSignIn()) }, { status: 400 });
  const { identity } = pending;
  return {
    person: {
      displayName: identity.displayName,
      profession: professionLabel(identity.profession) ?? identity.profession,
      rpps: identity.rpps,
      site: identity.site,
    },
    suggestedEmail: identity.email,
    emailTaken: pending.emailTaken,
    rppsDeclaredElsewhere: pending.rppsDeclaredElsewhere,
  };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["create", "link"] as const;
export const ACTION_SCHEMA = pscCompletionPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  requirePscEnabled();
  const pending = await readPendingPscSignIn(request);
  if (!pending) return data({ error: pscErrorView(noPendingSignIn()) }, { status: 400 });
  return formAction(request, pscCompletionPageSchema, async (input) => {
    if (input.intent === "create") {
      const user = createPscAccount(pending.identity, input.email, { emailFromProvider: false });
      return signedIn(await finishPendingPscSignIn(request, pending, user, "/compte?bienvenue=1"));
    }
    const user = await linkPscAccount(pending.identity, input.email, input.password);
    return signedIn(await finishPendingPscSignIn(request, pending, user, "/compte?relie=1"));
  });
}

function signedIn({ location, cookies }: { location: string; cookies: string[] }) {
  const headers = new Headers();
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return redirect(location, { headers });
}

export default function PscCompletion() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formReply = actionData && "result" in actionData ? actionData : undefined;
  const suggested = (taken: boolean) => ("suggestedEmail" in loaderData && loaderData.emailTaken === taken ? (loaderData.suggestedEmail ?? "") : "");
  const [createForm, createFields] = useActionForm(pscCompletionPageSchema, { actionData: formReply, intent: "create", id: "creer", defaultValue: { email: suggested(false) } });
  const [linkForm, linkFields] = useActionForm(pscCompletionPageSchema, { actionData: formReply, intent: "link", id: "relier", defaultValue: { email: suggested(true) } });
  if ("error" in loaderData) return <PscErrorPage error={loaderData.error} />;
  const expired = actionData && "error" in actionData ? actionData.error : undefined;
  if (expired) return <PscErrorPage error={expired} />;
  const { person, emailTaken, suggestedEmail, rppsDeclaredElsewhere } = loaderData;

  const createSection = (
    <section aria-labelledby="titre-creer" className="mb-8">
      <h2 id="titre-creer">Créer mon compte Sentinelle</h2>
      <p>
        Votre adresse e-mail sert à vous tenir informé de vos signalements. Vous vous connecterez ensuite avec Pro Santé Connect, sans mot
        de passe.
      </p>
      <FormErrors form={createForm} />
      <Form method="post" {...getFormProps(createForm)} className="card" aria-labelledby="titre-creer">
        <input type="hidden" name="intent" value="create" />
        <TextField field={createFields.email} label="Adresse e-mail du nouveau compte" type="email" autoComplete="email" required />
        <button type="submit" className="fr-btn">
          Créer mon compte
        </button>
      </Form>
    </section>
  );
  const linkSection = (
    <section aria-labelledby="titre-relier" className="mb-8">
      <h2 id="titre-relier">J'ai déjà un compte Sentinelle</h2>
      <p>Confirmez avec l'adresse e-mail et le mot de passe de votre compte pour le relier à Pro Santé Connect.</p>
      <FormErrors form={linkForm} />
      <Form method="post" {...getFormProps(linkForm)} className="card" aria-labelledby="titre-relier">
        <input type="hidden" name="intent" value="link" />
        <TextField field={linkFields.email} label="Adresse e-mail du compte existant" type="email" autoComplete="email" required />
        <TextField field={linkFields.password} label="Mot de passe du compte existant" type="password" autoComplete="current-password" required />
        <button type="submit" className="fr-btn">
          Relier mon compte
        </button>
      </Form>
    </section>
  );

  return (
    <div className="prose-page">
      <h1>Finaliser votre connexion avec Pro Santé Connect</h1>
      <div className="card mb-6">
        <p className="mb-2">Pro Santé Connect vous a identifié :</p>
        <dl className="mb-0 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt className="font-bold">Nom</dt>
          <dd>{person.displayName}</dd>
          <dt className="font-bold">Profession</dt>
          <dd>{person.profession}</dd>
          <dt className="font-bold">RPPS</dt>
          <dd>{person.rpps}</dd>
          {person.site ? (
            <>
              <dt className="font-bold">Lieu d'exercice</dt>
              <dd>{person.site}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {emailTaken ? (
        <div role="status" className="fr-alert fr-alert--info fr-alert--sm mb-6">
          <p className="mb-0">
            Un compte Sentinelle existe déjà avec l'adresse {suggestedEmail}. S'il est à vous, confirmez avec son mot de passe pour le relier à
            Pro Santé Connect.
          </p>
        </div>
      ) : rppsDeclaredElsewhere ? (
        <div role="status" className="fr-alert fr-alert--info fr-alert--sm mb-6">
          <p className="mb-0">
            Un compte Sentinelle indique déjà ce numéro RPPS. S'il est à vous, reliez-le avec son adresse e-mail et son mot de passe.
          </p>
        </div>
      ) : null}
      {emailTaken || rppsDeclaredElsewhere ? (
        <>
          {linkSection}
          {createSection}
        </>
      ) : (
        <>
          {createSection}
          {linkSection}
        </>
      )}
    </div>
  );
}
