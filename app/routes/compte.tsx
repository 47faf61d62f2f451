import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ChoiceGroup, FormErrors, SelectField, TextField } from "~/components/forms";
import { formErrorReply, invalidForm, parseForm, readFormData, readIntent } from "~/lib/forms.server";
import { can } from "~/lib/permissions";
import { requirePermission, requireUser } from "~/lib/permissions.server";
import { clearSessionCookie, readSessionId } from "~/lib/session.server";
import { deleteAccount, revokeAllSessions } from "~/modules/accounts/personal-data.server";
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
import { resendEmailConfirmation } from "~/modules/accounts/account-emails.server";
import { DELIVERY_MODES, type DeliveryMode, type NotificationKind } from "~/modules/notifications/kinds";
import { listFollows, setFollow } from "~/modules/notifications/follows.server";
import { getPreferences, savePreferences } from "~/modules/notifications/preferences.server";
import { preferencesSchema } from "~/modules/notifications/schemas";
import { getDb } from "#db/client";

export const meta: MetaFunction = () => [{ title: "Mon compte — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const reports = can(user, "irritant:file");
  return {
    profile: getProfile(user.id),
    tokens: listApiTokens(user.id),
    products: reports ? listProducts() : [],
    preferences: getPreferences(user.id, user.role),
    follows: listFollows(user.id),
  };
}

const revokeSchema = z.object({ tokenId: z.coerce.number().int().positive("Jeton inconnu.") });
const deleteAccountSchema = z.object({ confirmation: z.string({ error: "Confirmez avec votre mot de passe." }).min(1, "Confirmez avec votre mot de passe.").max(200, "Trop long.") });
const unfollowSchema = z.object({ subjectType: z.enum(["irritant", "action", "theme"], { error: "Sujet inconnu." }), subjectId: z.coerce.number().int().positive("Sujet inconnu.") });

export const INTENTS = ["profile", "password", "create-token", "revoke-token", "notifications", "unfollow", "signout-everywhere", "delete-account", "resend-confirmation"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readFormData(request);
  const intent = readIntent(formData, INTENTS);
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
      await changePassword(user, submission.value.currentPassword, submission.value.newPassword, {
        keepSessionId: (await readSessionId(request)) ?? undefined,
        keepApiTokens: submission.value.keepApiTokens === true,
      });
    } catch (error) {
      return formErrorReply(submission, error);
    }
    const tokens = submission.value.keepApiTokens ? "Vos jetons d'API restent valables." : "Vos jetons d'API ont été révoqués : créez-en de nouveaux pour vos outils.";
    return { intent, result: submission.reply({ resetForm: true }), message: `Votre mot de passe a été changé. Vos autres sessions ont été fermées. ${tokens}` };
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
  if (intent === "notifications") {
    const { submission } = await parseForm(formData, preferencesSchema);
    if (submission.status !== "success") return invalidForm(submission);
    const modes = Object.fromEntries(Object.entries(submission.value).map(([key, mode]) => [key.replace(/^mode-/, ""), mode])) as Partial<Record<NotificationKind, DeliveryMode>>;
    savePreferences(user.id, user.role, modes);
    return { intent, result: submission.reply({ resetForm: false }), message: "Vos choix de notification sont enregistrés." };
  }
  if (intent === "unfollow") {
    const { submission } = await parseForm(formData, unfollowSchema);
    if (submission.status !== "success") return invalidForm(submission);
    setFollow(getDb(), user.id, submission.value.subjectType, submission.value.subjectId, false);
    return { intent, result: submission.reply(), message: "Vous ne suivez plus ce sujet." };
  }
  if (intent === "signout-everywhere") {
    revokeAllSessions(user.id, user.id);
    return redirect("/connexion", { headers: { "Set-Cookie": await clearSessionCookie() } });
  }
  if (intent === "delete-account") {
    const { submission } = await parseForm(formData, deleteAccountSchema);
    if (submission.status !== "success") return invalidForm(submission);
    try {
      await deleteAccount(user, submission.value.confirmation);
    } catch (error) {
      return formErrorReply(submission, error);
    }
    return redirect("/?compte=supprime", { headers: { "Set-Cookie": await clearSessionCookie() } });
  }
  if (intent === "resend-confirmation") {
    const { submission } = await parseForm(formData, z.object({}));
    try {
      resendEmailConfirmation(user.id);
    } catch (error) {
      return formErrorReply(submission, error);
    }
    return { intent, result: submission.reply(), message: "Un nouveau lien de confirmation vient de partir à votre adresse." };
  }
  throw new Error(`Intent ${intent satisfies never} declared but not handled.`);
}

export default function Account() {
  const { profile, tokens, products, preferences, follows } = useLoaderData<typeof loader>();
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
  const [deleteForm, deleteFields] = useForm({ id: "suppression", lastResult: resultFor("delete-account") });
  const [notificationsForm, notificationFields] = useForm({
    id: "notifications",
    lastResult: resultFor("notifications"),
    defaultValue: Object.fromEntries(preferences.map((p) => [`mode-${p.kind}`, p.mode])),
  });
  const message = actionData && "message" in actionData && actionData.result?.status !== "error" ? actionData.message : null;
  const isPractitioner = can(profile, "profile:professional");

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
        <dd>
          {profile.email}{" "}
          {profile.emailConfirmedAt ? null : (
            <>
              <span className="text-gris-600">(non confirmée : aucun e-mail de notification ne part avant la confirmation)</span>
              <Form method="post" className="mt-1">
                <input type="hidden" name="intent" value="resend-confirmation" />
                <button type="submit" className="btn btn-secondary">
                  Renvoyer le lien de confirmation
                </button>
              </Form>
            </>
          )}
        </dd>
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
              label={isPractitioner ? "Logiciel utilisé au quotidien (facultatif)" : "Logiciel de votre médecin, si vous le connaissez (facultatif)"}
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
            {tokens.length > 0 ? (
              <div className="mb-4 flex items-start gap-2">
                <input id="keepApiTokens" type="checkbox" name="keepApiTokens" className="mt-1 size-4" aria-describedby="keepApiTokens-hint" />
                <div>
                  <label htmlFor="keepApiTokens">Garder mes jetons d'API</label>
                  <p id="keepApiTokens-hint" className="text-sm text-gris-600">
                    Sinon, vos {tokens.length} jeton{tokens.length > 1 ? "s" : ""} {tokens.length > 1 ? "sont révoqués" : "est révoqué"} avec l'ancien mot de passe.
                  </p>
                </div>
              </div>
            ) : null}
            <button type="submit" className="btn">
              Changer le mot de passe
            </button>
          </Form>
        </>
      ) : (
        <p>Vous vous connectez avec Pro Santé Connect : votre compte n'a pas de mot de passe Sentinelle.</p>
      )}

      <h2 id="notifications">Notifications</h2>
      <p>
        Vous êtes prévenu dans Sentinelle (la cloche en haut de page) de tout ce que vous suivez. Choisissez ici, pour chaque type de
        nouvelle, si vous la recevez aussi par e-mail, tout de suite ou dans un résumé quotidien.
      </p>
      <FormErrors id={notificationsForm.errorId} errors={notificationsForm.errors} />
      <Form method="post" {...getFormProps(notificationsForm)} className="card mb-6">
        <input type="hidden" name="intent" value="notifications" />
        {preferences.map((p) => (
          <ChoiceGroup key={p.kind} field={notificationFields[`mode-${p.kind}`]} legend={p.label} options={DELIVERY_MODES} type="radio" />
        ))}
        <button type="submit" className="btn">
          Enregistrer mes choix
        </button>
      </Form>
      <h3>Ce que vous suivez</h3>
      {follows.length ? (
        <ul className="mb-6 grid gap-2">
          {follows.map((f) => (
            <li key={`${f.subjectType}-${f.subjectId}`} className="flex flex-wrap items-center gap-3">
              <Link to={f.url}>{f.description.charAt(0).toUpperCase() + f.description.slice(1)}</Link>
              <Form method="post">
                <input type="hidden" name="intent" value="unfollow" />
                <input type="hidden" name="subjectType" value={f.subjectType} />
                <input type="hidden" name="subjectId" value={f.subjectId} />
                <button type="submit" className="btn btn-secondary" aria-label={`Ne plus suivre ${f.description}`}>
                  Ne plus suivre
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>Vous ne suivez rien pour l'instant. Les signalements que vous déposez ou soutenez sont suivis automatiquement ; les actions du plan et les thèmes se suivent depuis leur page.</p>
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
      <h2>Sécurité et données personnelles</h2>
      <Form method="post" className="mb-6">
        <input type="hidden" name="intent" value="signout-everywhere" />
        <p>Un appareil perdu, un poste partagé ? Fermez toutes vos sessions, celle-ci comprise, et révoquez vos jetons d'API.</p>
        <button type="submit" className="btn btn-secondary">
          Se déconnecter de tous les appareils
        </button>
      </Form>
      <p>
        <a href="/compte/export" download>
          Télécharger mes données personnelles (JSON)
        </a>{" "}
        : profil, signalements, commentaires, soutiens, abonnements, notifications et activité.
      </p>
      <h3>Supprimer mon compte</h3>
      <p>
        Votre identité, vos sessions, jetons, abonnements et notifications sont effacés. Vos signalements et commentaires restent, attribués à
        « Compte supprimé », car d'autres personnes les soutiennent et les suivent. Voir la page <Link to="/donnees-personnelles">Données personnelles</Link>.
      </p>
      <FormErrors id={deleteForm.errorId} errors={deleteForm.errors} />
      <Form method="post" {...getFormProps(deleteForm)} className="card">
        <input type="hidden" name="intent" value="delete-account" />
        <TextField
          field={deleteFields.confirmation}
          label={profile.hasPassword ? "Votre mot de passe, pour confirmer" : "Tapez SUPPRIMER pour confirmer"}
          type={profile.hasPassword ? "password" : "text"}
          autoComplete={profile.hasPassword ? "current-password" : "off"}
          required
        />
        <button type="submit" className="btn btn-danger">
          Supprimer définitivement mon compte
        </button>
      </Form>
    </div>
  );
}
