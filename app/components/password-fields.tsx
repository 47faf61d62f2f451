import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { TextField } from "~/components/forms";

/** A password being chosen and its confirmation: password managers offer to generate one (`new-password`). */
export function NewPasswordFields({
  password,
  confirmation,
  label,
  confirmationLabel,
  hint,
}: {
  password: FieldMetadata<unknown>;
  confirmation: FieldMetadata<unknown>;
  label: string;
  confirmationLabel: string;
  hint: ReactNode;
}) {
  return (
    <>
      <TextField field={password} label={label} hint={hint} type="password" autoComplete="new-password" required />
      <TextField field={confirmation} label={confirmationLabel} type="password" autoComplete="new-password" required />
    </>
  );
}
