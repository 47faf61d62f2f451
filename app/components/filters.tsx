/**
 * The parts of GET filter forms. Kept apart from forms.tsx, which brings Conform and zod into the browser bundle: the
 * public lists that filter stay within their JavaScript budget (issue 18).
 */
/** A labelled select of a GET filter form; the empty value means "all". */
export function FilterSelect({
  id,
  name,
  label,
  allLabel,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  allLabel?: string;
  value: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="fr-select">
        {allLabel ? <option value="">{allLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The "late only" box and the submit button that end every filter form. */
export function FilterSubmit({ overdue }: { overdue?: { checked: boolean } }) {
  return (
    <>
      {overdue ? (
        <div className="flex items-center gap-2 pb-2">
          <input id="overdue" type="checkbox" name="overdue" value="1" defaultChecked={overdue.checked} className="size-4" />
          <label htmlFor="overdue">En retard seulement</label>
        </div>
      ) : null}
      <button type="submit" className="fr-btn fr-btn--secondary">
        Filtrer
      </button>
    </>
  );
}
