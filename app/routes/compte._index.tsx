import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { getDb } from "#db/client";
import { formAction } from "~/lib/forms.server";
import { can } from "~/lib/permissions";
import { requireUser } from "~/lib/permissions.server";
import { getProfile, resendEmailConfirmation, updateProfile } from "~/modules/accounts/index.server";
import { PRACTICE_MODES, PROFESSION_OPTIONS, ROLE_LABELS, profilePageSchema } from "~/modules/accounts";
import { listProducts, requireActiveProduct } from "~/modules/vendors/index.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { profile: getProfile(user.id), products: can(user, "irritant:file") ? listProducts() : [] };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["profile", "resend-confirmation"] as const;
export const ACTION_SCHEMA = profilePageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return formAction(request, profilePageSchema, (input) => {
    if (input.intent === "resend-confirmation") {
      resendEmailConfirmation(user.id);
      return { message: "Un nouveau lien de confirmation vient de partir à votre adresse." };
    }
    const { intent: _, ...profile } = input;
    // Only those who file reports keep a usual product; it must be in the catalogue.
    if (profile.usualProductId && can(user, "irritant:file")) requireActiveProduct(getDb(), profile.usualProductId, "usualProductId");
    updateProfile(user, profile);
    return { message: "Votre profil a été enregistré." };
  });
}

export default function AccountProfile() {
  const { profile, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [profileForm, profileFields] = useActionForm(profilePageSchema, {
    actionData,
    intent: "profile",
    id: "profil",
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
  const isPractitioner = can(profile, "profile:professional");

  return (
    <>
      {/* A refused profile shows on its form; the confirmation link's button has no form of its own to show it. */}
      {actionData && (actionData.ok || actionData.intent === "resend-confirmation") ? <Notice ok={actionData.ok} message={actionData.message} /> : null}
      <dl className="mb-6 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="font-bold">Adresse e-mail</dt>
        <dd>
          {profile.email}{" "}
          {profile.emailConfirmedAt ? null : (
            <>
              <span className="text-gris-600">(non confirmée : aucun e-mail de notification ne part avant la confirmation)</span>
              <Form method="post" className="mt-1">
                <input type="hidden" name="intent" value="resend-confirmation" />
                <button type="submit" className="fr-btn fr-btn--secondary">
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
              {profile.rppsVerified ? <span className="fr-badge fr-badge--sm fr-badge--success">vérifié (Pro Santé Connect)</span> : <span className="text-gris-600">(déclaré, non vérifié)</span>}
            </dd>
          </>
        ) : null}
      </dl>

      <h2>Profil</h2>
      <FormErrors form={profileForm} />
      <Form method="post" {...getFormProps(profileForm)} className="card">
        <input type="hidden" name="intent" value="profile" />
        <TextField field={profileFields.displayName} label="Nom et prénom" autoComplete="name" required />
        {isPractitioner ? (
          <>
            <SelectField field={profileFields.profession} label="Profession" options={PROFESSION_OPTIONS} />
            <TextField field={profileFields.specialty} label="Spécialité (facultatif)" />
            <SelectField field={profileFields.practiceMode} label="Mode d'exercice (facultatif)" options={PRACTICE_MODES} />
            <TextField field={profileFields.rpps} label="Numéro RPPS (facultatif)" hint="11 chiffres, sur la carte CPS. Les secrétaires et assistants médicaux (carte CPE) n'en ont pas." />
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
        <button type="submit" className="fr-btn">
          Enregistrer le profil
        </button>
      </Form>
    </>
  );
}
