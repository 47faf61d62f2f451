import { withApiErrors } from "~/lib/errors";
import { CARD_TYPES, PROFESSIONS } from "~/modules/accounts";

/** The professions a profile may name, each with the card it signs in with (CPS or CPE). */
export function loader() {
  return withApiErrors(() =>
    Response.json({ items: PROFESSIONS.map((p) => ({ value: p.value, label: p.label, cardType: p.cardType, cardLabel: CARD_TYPES[p.cardType] })) }),
  );
}
