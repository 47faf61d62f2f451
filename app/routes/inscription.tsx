import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, FormErrors, SelectField, TextField } from "~/components/forms";
import { PscSignInButton } from "~/components/psc";
import { formErrorReply, invalidForm, parseForm } from "~/lib/forms.server";
import { getUser } from "~/lib/permissions.server";
import { commitSessionId } from "~/lib/session.server";
import { createSession, signUp } from "~/modules/accounts/accounts.server";
import { isPscEnabled } from "~/modules/accounts/psc.server";
import { PRACTICE_MODES, PROFESSIONS } from "~/modules/accounts/professions";
import { signUpSchema } from "~/modules/accounts/schemas";

export const meta: MetaFunction = () => [{ title: "Créer un compte — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/compte");
  return { psc: isPscEnabled() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, signUpSchema);
  if (submission.status !== "success") return invalidForm(submission);
  let user;
  try {
    user = await signUp(submission.value);
  } catch (error) {
    return formErrorReply(submission, error);
  }
  const session = createSession(user.id);
  return redirect("/compte?bienvenue=1", { headers: { "Set-Cookie": await commitSessionId(session.id) } });
}

const ROLE_OPTIONS = [
  { value: "practitioner", label: "Je suis professionnel de santé" },
  { value: "patient", label: "Je suis patient ou usager de Mon espace santé" },
];

export default function SignUp() {
  const { psc } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, shouldValidate: "onSubmit" });
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
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="card">
        <p className="text-sm text-gris-600">Tous les champs sont obligatoires sauf mention contraire.</p>
        <ChoiceGroup field={fields.role} legend="Vous êtes" options={ROLE_OPTIONS} type="radio" />
        <TextField field={fields.displayName} label="Nom et prénom" autoComplete="name" required />
        <TextField field={fields.email} label="Adresse e-mail" type="email" autoComplete="email" required />
        <TextField
          field={fields.password}
          label="Mot de passe"
          hint="12 caractères au moins. Une phrase de passe est plus facile à retenir."
          type="password"
          autoComplete="new-password"
          required
        />
        <TextField field={fields.passwordConfirmation} label="Confirmation du mot de passe" type="password" autoComplete="new-password" required />
        <fieldset className="mt-8 border-t border-gris-200 pt-4">
          <legend className="text-lg font-bold">Pour les professionnels de santé</legend>
          <SelectField field={fields.profession} label="Profession" options={PROFESSIONS} />
          <TextField field={fields.specialty} label="Spécialité (facultatif)" />
          <SelectField field={fields.practiceMode} label="Mode d'exercice (facultatif)" options={PRACTICE_MODES} />
          <TextField field={fields.rpps} label="Numéro RPPS (facultatif)" hint="11 chiffres, inscrit sur votre carte CPS." />
        </fieldset>
        <TextField field={fields.region} label="Région (facultatif)" autoComplete="address-level1" />
        <button type="submit" className="btn">
          Créer mon compte
        </button>
      </Form>
    </div>
  );
}
