import { type QuestionnaireItem, formFieldName } from "~/modules/surveys";

type Props = { item: QuestionnaireItem; value: unknown; errors?: string[] };

function Choice({ name, value, label, checked, type = "radio" }: { name: string; value: string | number; label: string; checked: boolean; type?: "radio" | "checkbox" }) {
  const id = `${name}-${value}`.replace(/[^a-zA-Z0-9_-]/g, "-");
  return (
    <div className="flex items-start gap-2">
      <input id={id} type={type} name={name} value={value} defaultChecked={checked} className="mt-1 size-4" />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <div id={id} className="field-error">
      {errors.map((e) => (
        <p key={e} className="mb-0">
          {e}
        </p>
      ))}
    </div>
  ) : null;
}

const NA_LABEL = "Non concerné / ne se prononce pas";

/** One question, as plain form controls: it works without JavaScript and with the keyboard. */
export function SurveyItem({ item, value, errors }: Props) {
  const name = formFieldName(item.key);
  const errorId = `${item.key}-erreurs`;
  const legend = (
    <legend className="label">
      {item.label}
      {item.required ? <span className="text-rouge-fonce"> (obligatoire)</span> : null}
      {item.help ? <span className="hint">{item.help}</span> : null}
      {item.showIf ? <span className="hint">Question complémentaire : répondez seulement si elle vous concerne.</span> : null}
    </legend>
  );
  const fieldsetProps = { className: "mb-8", "aria-describedby": errors?.length ? errorId : undefined };
  switch (item.type) {
    case "likert":
    case "csat":
      return (
        <fieldset {...fieldsetProps}>
          {legend}
          <div className="mt-2 grid gap-2 sm:grid-cols-5">
            {item.labels.map((label, i) => (
              <Choice key={label} name={name} value={i + 1} label={label} checked={value === i + 1} />
            ))}
          </div>
          {item.allowNotApplicable ? <Choice name={name} value="na" label={NA_LABEL} checked={value === "na"} /> : null}
          <Errors id={errorId} errors={errors} />
        </fieldset>
      );
    case "nps":
      return (
        <fieldset {...fieldsetProps}>
          {legend}
          <p className="hint mb-2">0 = pas du tout probable, 10 = très probable</p>
          <div className="flex flex-wrap gap-3">
            {Array.from({ length: 11 }, (_, i) => (
              <Choice key={i} name={name} value={i} label={String(i)} checked={value === i} />
            ))}
          </div>
          <Errors id={errorId} errors={errors} />
        </fieldset>
      );
    case "single":
    case "multiple":
      return (
        <fieldset {...fieldsetProps}>
          {legend}
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {item.options.map((o) => (
              <Choice
                key={o.value}
                name={name}
                value={o.value}
                label={o.label}
                type={item.type === "multiple" ? "checkbox" : "radio"}
                checked={Array.isArray(value) ? value.includes(o.value) : value === o.value}
              />
            ))}
          </div>
          <Errors id={errorId} errors={errors} />
        </fieldset>
      );
    case "yesno":
      return (
        <fieldset {...fieldsetProps}>
          {legend}
          <div className="mt-2 flex flex-wrap gap-6">
            <Choice name={name} value="yes" label="Oui" checked={value === "yes"} />
            <Choice name={name} value="no" label="Non" checked={value === "no"} />
            {item.allowNotApplicable ? <Choice name={name} value="na" label={NA_LABEL} checked={value === "na"} /> : null}
          </div>
          <Errors id={errorId} errors={errors} />
        </fieldset>
      );
    case "matrix": {
      const rows = (value ?? {}) as Record<string, unknown>;
      return (
        <fieldset {...fieldsetProps}>
          {legend}
          {item.rows.map((row) => {
            const rowName = formFieldName(item.key, row.key);
            return (
              <fieldset key={row.key} className="mb-4 border-l-2 border-gris-200 pl-4">
                <legend className="font-medium">{row.label}</legend>
                <div className="mt-1 grid gap-1 sm:grid-cols-3 lg:grid-cols-6">
                  {item.labels.map((label, i) => (
                    <Choice key={label} name={rowName} value={i + 1} label={label} checked={rows[row.key] === i + 1} />
                  ))}
                  {item.allowNotApplicable ? <Choice name={rowName} value="na" label="Non concerné" checked={rows[row.key] === "na"} /> : null}
                </div>
              </fieldset>
            );
          })}
          <Errors id={errorId} errors={errors} />
        </fieldset>
      );
    }
    case "text":
      return (
        <div className="mb-8">
          <label htmlFor={name} className="label">
            {item.label}
            <span className="hint">N'indiquez aucune information permettant d'identifier un patient. Votre réponse ne sera jamais publiée.</span>
          </label>
          <textarea id={name} name={name} rows={4} maxLength={item.maxLength} defaultValue={typeof value === "string" ? value : ""} className="fr-input" aria-describedby={errors?.length ? errorId : undefined} />
          <Errors id={errorId} errors={errors} />
        </div>
      );
  }
}
