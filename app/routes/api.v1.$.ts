import { apiError } from "~/lib/errors";

// Unknown API addresses answer in the API's error shape, never with an HTML page.
export function loader() {
  return apiError(404, "Ressource introuvable.");
}

export function action() {
  return apiError(404, "Ressource introuvable.");
}
