import { z } from "zod";

/**
 * Multi-intent actions declare their intents as a zod discriminated union on `intent`; the permission matrix test
 * reads the route's `INTENTS` (a literal copy that tests/unit/route-intents.test.ts holds to that schema) from the build,
 * so no intent escapes it.
 */
type IntentUnion = z.ZodDiscriminatedUnion<readonly z.ZodObject<{ intent: z.ZodLiteral<string> }>[], "intent">;

/** The intents a discriminated-union schema declares, in order. */
export function intentsOf<const Options extends readonly z.ZodObject<{ intent: z.ZodLiteral<string> }>[]>(
  schema: z.ZodDiscriminatedUnion<Options, "intent">,
): readonly z.output<Options[number]>["intent"][] {
  return schema.options.map((option) => option.shape.intent.value);
}

function isIntentUnion(schema: z.ZodType): schema is IntentUnion {
  return schema instanceof z.ZodDiscriminatedUnion && (schema as IntentUnion).def.discriminator === "intent";
}

/**
 * The posted intent of a form: for an intent union, one it declares (else a 400 "Action inconnue.", which the
 * permission matrix expects); for any other schema, whatever was posted, or null.
 */
export function intentOf(schema: z.ZodType, formData: FormData): string | null {
  const posted = formData.get("intent");
  const intent = typeof posted === "string" ? posted : null;
  if (!isIntentUnion(schema)) return intent;
  if (intent === null || !intentsOf(schema).includes(intent)) throw new Response("Action inconnue.", { status: 400 });
  return intent;
}
