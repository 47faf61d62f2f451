/** The answer to an action: announced politely on success, assertively on failure. */
export function Notice({ ok, message }: { ok: boolean; message: string }) {
  return (
    <div role={ok ? "status" : "alert"} className={`alert ${ok ? "alert-success" : "alert-error"}`}>
      <p className="mb-0">{message}</p>
    </div>
  );
}
