import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A one-button form in a table row: posts `intent` and the row's id under `idName` (revoke a token, remove a
 * registration, disable an account). `children` is the button's text; `leading` is shown before the button.
 */
export function RowActionForm({
  intent,
  idName,
  id,
  ariaLabel,
  leading,
  className,
  children,
}: {
  intent: string;
  idName: string;
  id: number;
  ariaLabel?: string;
  leading?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={className}>
      {leading}
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <button type="submit" className="fr-btn fr-btn--secondary" aria-label={ariaLabel}>
        {children}
      </button>
    </Form>
  );
}
