// Its own file: the public progress page imports it, and the point blocks' charts and tables must not follow it there.
/** The programme's next steps under their headings, each said done or not (the progress page and the point block). */
export function NextStepList({ groups }: { groups: { heading: string; steps: { text: string; horizon: string; done: boolean }[] }[] }) {
  return (
    <>
      {groups.map((g) => (
        <div key={g.heading}>
          <h3 className="text-lg">{g.heading}</h3>
          <ul className="list-disc pl-6">
            {g.steps.map((s, i) => (
              <li key={i}>
                {s.horizon ? <strong>{s.horizon} : </strong> : null}
                {s.text}
                {s.done ? <span className="fr-badge fr-badge--success fr-badge--sm ml-2">Fait</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
