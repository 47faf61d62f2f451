import type { FieldMetadata } from "@conform-to/react";
import { SelectField } from "~/components/forms";

const SEGUR_WAVE_OPTIONS = [
  { value: "1", label: "Vague 1" },
  { value: "2", label: "Vague 2" },
];

/** The Ségur wave of a product or an action: 1, 2 or none. */
export function SegurWaveField({ field }: { field: FieldMetadata<unknown> }) {
  return <SelectField field={field} label="Vague Ségur" placeholder="Aucune" options={SEGUR_WAVE_OPTIONS} />;
}
