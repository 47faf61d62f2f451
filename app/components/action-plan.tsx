/**
 * Progress of steps: a bar (a native progress element, coloured as the DSFR's blue) and its text equivalent beside it,
 * "3 étapes sur 5", which is also the bar's accessible name. Nothing when there is no step.
 */
export function StepProgress({ progress, label }: { progress: { done: number; total: number; text: string }; label: string }) {
  if (!progress.total) return null;
  return (
    <div className="step-progress my-2 flex items-center gap-2">
      <progress max={progress.total} value={progress.done} aria-label={`${label} : ${progress.text}`} className="h-2 w-24 shrink-0 accent-bleu" />
      <span className="text-sm">{progress.text}</span>
    </div>
  );
}
