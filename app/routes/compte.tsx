import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, SelectField, TextField } from "~/components/forms";
import { formErrorReply, invalidForm, parseForm, readFormData } from "~/lib/forms.server";
import { requirePermission, requireUser } from "~/lib/permissions.server";
import { readSessionId } from "~/lib/session.server";
import {
  changePassword,
  createApiToken,
  getProfile,
  listApiTokens,
  revokeApiToken,
  updateProfile,
} from "~/modules/accounts/accounts.server";
import { PRACTICE_MODES, PROFESSIONS, ROLE_LABELS } from "~/modules/accounts/professions";
import { changePasswordSchema, createTokenSchema, profileSchema } from "~/modules/accounts/schemas";
import { formatDateTime } from "~/lib/dates";
import { listProducts } from "~/modules/vendors/products.server";

export const meta: MetaFunction = () => [{ title: "Mon compte — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reports = user.role === "practitioner" || user.role === "patient";
  return { profile: getProfile(user.id), tokens: listApiTokens(user.id), products: reports ? listProducts() : [] };
}

const revokeSchema = z.object({ tokenId: z.coerce.number().int().positive("Jeton inconnu.") });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "profile") {
    const { submission } = await parseForm(formData, profileSchema);
    if (submission.status !== "success") return invalidForm(submission);
    try {
      updateProfile(user, submission.value);
    } catch (error) {
      return formErrorReply(submission, error);
    }
    return { intent, result: submission.reply({ resetForm: false }), message: "Votre profil a été enregistré." };
  }
  if (intent === "password") {
    const { submission } = await parseForm(formData, changePasswordSchema);
    if (submission.status !== "success") return invalidForm(submission);
    try {
      await changePassword(user, submission.value.currentPassword, submission.value.newPassword, (await readSessionId(request)) ?? undefined);
    } catch (error) {
      return formErrorReply(submission, error);
    }
    return { intent, result: submission.reply({ resetForm: true }), message: "Votre mot de passe a été changé. Vos autres sessions ont été fermées." };
  }
  if (intent === "create-token") {
    await requirePermission(request, "account:manage-tokens");
    const { submission } = await parseForm(formData, createTokenSchema);
    if (submission.status !== "success") return invalidForm(submission);
    const { token } = createApiToken(user.id, submission.value.label);
    return { intent, result: submission.reply({ resetForm: true }), token, message: "Jeton créé." };
  }
  if (intent === "revoke-token") {
    const { submission } = await parseForm(formData, revokeSchema);
    if (submission.status !== "success") return invalidForm(submission);
    try {
      revokeApiToken(user.id, submission.value.tokenId);
    } catch (error) {
      return formErrorReply(submission, error);
    }
    return { intent, result: submission.reply(), message: "Le jeton a été révoqué." };
  }
  return data({ intent: null, result: undefined, message: "Action inconnue." }, { status: 400 });
}

export default function Account() {
  const { profile, tokens, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const resultFor = (intent: string) => (actionData && "intent" in actionData && actionData.intent === intent ? actionData.result : undefined);
  const [profileForm, profileFields] = useForm({
    id: "profil",
    lastResult: resultFor("profile"),
    defaultValue: {
      displayName: profile.displayName,
      profession: profile.profession ?? "",
      specialty: profile.specialty ?? "",
      practiceMode: profile.practiceMode ?? "",
      region: profile.region ?? "",
      rpps: profile.rpps ?? "",
      usualProductId: profile.usualProductId ? String(profile.usualProductId) : "",
      usualProductVersion: profile.usualProductVersion ?? "",
    },
  });
  const [passwordForm, passwordFields] = useForm({ id: "mot-de-passe", lastResult: resultFor("password") });
  const [tokenForm, tokenFields] = useForm({ id: "jeton", lastResult: resultFor("create-token") });
  const message = actionData && "message" in actionData && actionData.result?.status !== "error" ? actionData.message : null;
  const isPractitioner = profile.role === "practitioner";

  return (
    <div className="prose-page">
      <h1>Mon compte</h1>
      {searchParams.get("bienvenue") ? (
        <div role="status" className="alert alert-success">
          <p className="mb-0">Votre compte est créé. Bienvenue sur Sentinelle.</p>
        </div>
      ) : null}
      {searchParams.get("relie") ? (
        <div role="status" className="alert alert-success">
          <p className="mb-0">Votre compte est désormais relié à Pro Santé Connect : vous pouvez vous connecter avec votre carte CPS ou e-CPS.</p>
        </div>
      ) : null}
      {message ? (
        <div role="status" className="alert alert-success">
          <p className="mb-0">{message}</p>
          {actionData && "token" in actionData && actionData.token ? (
            <p className="mb-0 mt-2">
              Copiez-le maintenant, il ne sera plus affiché : <code className="break-all bg-white px-1">{actionData.token}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-bold">Adresse e-mail</dt>
        <dd>{profile.email}</dd>
        <dt className="font-bold">Rôle</dt>
        <dd>{ROLE_LABELS[profile.role]}</dd>
        {profile.organisationName ? (
          <>
            <dt className="font-bold">Organisation</dt>
            <dd>{profile.organisationName}</dd>
          </>
        ) : null}
        {isPractitioner && profile.rpps ? (
          <>
            <dt className="font-bold">RPPS</dt>
            <dd>
              {profile.rpps}{" "}
              {profile.rppsVerified ? <span className="badge">vérifié (Pro Santé Connect)</span> : <span className="text-gris-600">(déclaré, non vérifié)</span>}
            </dd>
          </>
        ) : null}
      </dl>

      <h2>Profil</h2>
      <FormErrors id={profileForm.errorId} errors={profileForm.errors} />
      <Form method="post" {...getFormProps(profileForm)} className="card">
        <input type="hidden" name="intent" value="profile" />
        <TextField field={profileFields.displayName} label="Nom et prénom" autoComplete="name" required />
        {isPractitioner ? (
          <>
            <SelectField field={profileFields.profession} label="Profession" options={PROFESSIONS} />
            <TextField field={profileFields.specialty} label="Spécialité (facultatif)" />
            <SelectField field={profileFields.practiceMode} label="Mode d'exercice (facultatif)" options={PRACTICE_MODES} />
            <TextField field={profileFields.rpps} label="Numéro RPPS (facultatif)" hint="11 chiffres." />
          </>
        ) : null}
        {products.length ? (
          <>
            <SelectField
              field={profileFields.usualProductId}
              label={profile.role === "patient" ? "Logiciel de votre médecin, si vous le connaissez (facultatif)" : "Logiciel utilisé au quotidien (facultatif)"}
              options={products.map((p) => ({ value: String(p.id), label: `${p.name} (${p.vendor.name})` }))}
              placeholder="Aucun"
            />
            <TextField field={profileFields.usualProductVersion} label="Version (facultatif)" hint="Proposés par défaut dans vos signalements." />
          </>
        ) : null}
        <TextField field={profileFields.region} label="Région (facultatif)" autoComplete="address-level1" />
        <button type="submit" className="btn">
          Enregistrer le profil
        </button>
      </Form>

      <h2>Mot de passe</h2>
      {profile.hasPassword ? (
        <>
          <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
          <Form method="post" {...getFormProps(passwordForm)} className="card">
            <input type="hidden" name="intent" value="password" />
            <TextField field={passwordFields.currentPassword} label="Mot de passe actuel" type="password" autoComplete="current-password" required />
            <TextField
              field={passwordFields.newPassword}
              label="Nouveau mot de passe"
              hint="12 caractères au moins."
              type="password"
              autoComplete="new-password"
              required
            />
            <TextField field={passwordFields.newPasswordConfirmation} label="Confirmation du nouveau mot de passe" type="password" autoComplete="new-password" required />
            <button type="submit" className="btn">
              Changer le mot de passe
            </button>
          </Form>
        </>
      ) : (
        <p>Vous vous connectez avec Pro Santé Connect : votre compte n'a pas de mot de passe Sentinelle.</p>
      )}

      <h2>Jetons d'accès à l'API</h2>
      <p>
        Un jeton personnel permet à un outil (par exemple le logiciel de support d'un éditeur) d'utiliser l'API de Sentinelle en votre nom,
        avec vos droits. Seule son empreinte est conservée.
      </p>
      {tokens.length > 0 ? (
        <table className="table mb-6">
          <caption className="sr-only">Vos jetons actifs</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Début du jeton</th>
              <th scope="col">Créé le</th>
              <th scope="col">Dernière utilisation</th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.label}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "jamais"}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-token" />
                    <input type="hidden" name="tokenId" value={t.id} />
                    <button type="submit" className="btn btn-secondary" aria-label={`Révoquer le jeton ${t.label}`}>
                      Révoquer
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Vous n'avez aucun jeton actif.</p>
      )}
      <FormErrors id={tokenForm.errorId} errors={tokenForm.errors} />
      <Form method="post" {...getFormProps(tokenForm)} className="card">
        <input type="hidden" name="intent" value="create-token" />
        <TextField field={tokenFields.label} label="Nom du jeton" hint="Par exemple : « outil de support »." required />
        <button type="submit" className="btn">
          Créer un jeton
        </button>
      </Form>
    </div>
  );
}
