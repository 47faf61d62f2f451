import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, FormErrors, SelectField, TextField, useActionForm } from "~/components/forms";
import { PscSignInButton } from "~/components/psc";
import { NewPasswordFields } from "~/components/password-fields";
import { Notice } from "~/components/notice";
import { formAction } from "~/lib/forms.server";
import { getUser } from "~/lib/permissions.server";
import { isPscEnabled, requestSignUp } from "~/modules/accounts/index.server";
import { PRACTICE_MODES, PROFESSION_OPTIONS, signUpSchema } from "~/modules/accounts";

export const meta: MetaFunction = () => [{ title: "Créer un compte — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/compte");
  return { psc: isPscEnabled(), sent: new URL(request.url).searchParams.get("envoye") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  return formAction(request, signUpSchema, async (input) => {
    // The same answer whether the address has an account or not: the e-mail says which (see signup.server.ts).
    await requestSignUp(input);
    return redirect("/inscription?envoye=1", 303);
  });
}

const ROLE_OPTIONS = [
  { value: "practitioner", label: "Je suis professionnel de santé, secrétaire ou assistant médical" },
  { value: "patient", label: "Je suis patient ou usager de Mon espace santé" },
];

export default function SignUp() {
  const { psc, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useActionForm(signUpSchema, { actionData });
  if (sent) {
    return (
      <div className="mx-auto max-w-2xl">
        <h1>Vérifiez votre messagerie</h1>
        <Notice
          ok
          message="Un e-mail vient de partir à l'adresse indiquée. Ouvrez le lien qu'il contient pour terminer votre inscription : votre compte sera créé à ce moment-là. Le lien est valable 72 heures."
        />
        <p>
          Si cette adresse a déjà un compte Sentinelle, l'e-mail vous l'indique : connectez-vous, ou choisissez un nouveau mot de passe avec{" "}
          <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        </p>
        <p>Rien reçu après quelques minutes ? Vérifiez les courriers indésirables, ou <Link to="/inscription">recommencez l'inscription</Link>.</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl">
      <h1>Créer un compte</h1>
      <p>
        Les comptes éditeurs, équipe programme et administrateurs sont créés par l'administration de Sentinelle. Vous avez déjà un
        compte ? <Link to="/connexion">Se connecter</Link>
      </p>
      {psc ? (
        <>
          <PscSignInButton />
          <h2 className="text-lg">Créer un compte avec votre adresse e-mail</h2>
        </>
      ) : null}
      <FormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="card">
        <p className="text-sm text-gris-600">Tous les champs sont obligatoires sauf mention contraire.</p>
        <ChoiceGroup field={fields.role} legend="Vous êtes" options={ROLE_OPTIONS} type="radio" />
        <TextField field={fields.displayName} label="Nom et prénom" autoComplete="name" required />
        <TextField field={fields.email} label="Adresse e-mail" type="email" autoComplete="email" required />
        <NewPasswordFields
          password={fields.password}
          confirmation={fields.passwordConfirmation}
          label="Mot de passe"
          confirmationLabel="Confirmation du mot de passe"
          hint="12 caractères au moins. Une phrase de passe est plus facile à retenir."
        />
        <fieldset className="mt-8 border-t border-gris-200 pt-4">
          <legend className="text-lg font-bold">Pour les professionnels de santé, secrétaires et assistants médicaux</legend>
          <SelectField field={fields.profession} label="Profession" options={PROFESSION_OPTIONS} />
          <TextField field={fields.specialty} label="Spécialité (facultatif)" />
          <SelectField field={fields.practiceMode} label="Mode d'exercice (facultatif)" options={PRACTICE_MODES} />
          <TextField field={fields.rpps} label="Numéro RPPS (facultatif)" hint="11 chiffres, inscrit sur votre carte CPS. Les secrétaires et assistants médicaux (carte CPE) n'en ont pas." />
        </fieldset>
        <TextField field={fields.region} label="Région (facultatif)" autoComplete="address-level1" />
        <button type="submit" className="fr-btn">
          Créer mon compte
        </button>
      </Form>
    </div>
  );
}
