import type { ActionFunctionArgs } from "@remix-run/node";
import { apiError, withApiErrors } from "~/lib/errors";
import { created, readJson } from "~/lib/api.server";
import { can } from "~/lib/permissions.server";
import { createApiToken, verifyCredentials } from "~/modules/accounts/accounts.server";
import { apiTokenRequestSchema } from "~/modules/accounts/schemas";

export function loader() {
  return apiError(405, "Utilisez POST pour créer un jeton.");
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return apiError(405, "Méthode non autorisée.");
    const input = await readJson(request, apiTokenRequestSchema);
    const user = await verifyCredentials(input.email, input.password);
    if (!user) return apiError(401, "Adresse e-mail ou mot de passe incorrect.");
    if (!can(user, "account:manage-tokens")) return apiError(403, "Accès refusé.");
    const { token } = createApiToken(user.id, input.label || "Jeton créé par l'API");
    return created({ token });
  });
}
