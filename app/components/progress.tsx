/** The fields of a progress update, shared by the new and edit pages. */
export function UpdateFields({ defaults, themeOptions }: { defaults?: { slug: string; title: string; summary: string; body: string; themes: string[] }; themeOptions: { slug: string; label: string }[] }) {
  return (
    <>
      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="u-title" className="label">
            Titre
          </label>
          <input id="u-title" name="title" defaultValue={defaults?.title} className="input" required />
        </div>
        <div>
          <label htmlFor="u-slug" className="label">
            Adresse<span className="hint">Elle apparaît dans le lien : /points-etape/adresse</span>
          </label>
          <input id="u-slug" name="slug" defaultValue={defaults?.slug} className="input" required />
        </div>
      </div>
      <label htmlFor="u-summary" className="label">
        Résumé
      </label>
      <textarea id="u-summary" name="summary" rows={2} defaultValue={defaults?.summary} className="input mb-4" required />
      <label htmlFor="u-body" className="label">
        Contenu (Markdown)
        <span className="hint">Titres avec « ## » (chaque titre devient une diapositive de la vue impression), listes avec « - », liens [texte](https://…). Le HTML n'est pas interprété.</span>
      </label>
      <textarea id="u-body" name="body" rows={14} defaultValue={defaults?.body} className="input mb-4 font-mono text-sm" required />
      <fieldset className="mb-4">
        <legend className="label">
          Thèmes concernés<span className="hint">Les personnes qui suivent ces thèmes sont prévenues à la publication.</span>
        </legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          {themeOptions.map((t) => (
            <label key={t.slug} className="flex items-center gap-2">
              <input type="checkbox" name="themes" value={t.slug} defaultChecked={defaults?.themes.includes(t.slug)} />
              {t.label}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
