import type { ActionFunctionArgs } from "@remix-run/node";
import { apiError, methodNotAllowed, withApiErrors } from "~/lib/errors";
import { created, readJson } from "~/lib/api.server";
import { can } from "~/lib/permissions.server";
import { createApiToken, lockedMessage, signInWithPassword } from "~/modules/accounts/index.server";
import { apiTokenRequestSchema } from "~/modules/accounts";

export function loader() {
  return methodNotAllowed("POST", "Utilisez POST pour créer un jeton.");
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(async () => {
    if (request.method !== "POST") return methodNotAllowed("POST");
    const input = await readJson(request, apiTokenRequestSchema);
    const attempt = await signInWithPassword(input.email, input.password);
    if (!attempt.ok && attempt.reason === "locked") {
      const response = apiError(429, lockedMessage(attempt.retryAfterSeconds));
      response.headers.set("Retry-After", String(attempt.retryAfterSeconds));
      return response;
    }
    if (!attempt.ok) return apiError(401, "Adresse e-mail ou mot de passe incorrect.");
    const user = attempt.user;
    if (!can(user, "account:manage-tokens")) return apiError(403, "Accès refusé.");
    const { token } = createApiToken(user.id, input.label || "Jeton créé par l'API");
    return created({ token });
  });
}
