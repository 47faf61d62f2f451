/** The answer to an action (a DSFR alert): announced politely on success, assertively on failure. */
export function Notice({ ok, message }: { ok: boolean; message: string }) {
  return (
    <div role={ok ? "status" : "alert"} className={`fr-alert fr-alert--sm mb-6 ${ok ? "fr-alert--success" : "fr-alert--error"}`}>
      <p>{message}</p>
    </div>
  );
}
