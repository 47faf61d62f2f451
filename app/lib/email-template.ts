/** Plain-text and HTML parts of a Sentinelle e-mail, from the same content (pure, unit-tested). */
export type EmailContent = {
  paragraphs: string[];
  /** The main link back to the platform. */
  link?: { href: string; label: string };
  /** Listed items (a digest). */
  items?: { text: string; href: string }[];
  /** Why the person receives it, and the links to stop it. */
  reason: string;
  stopLinks?: { href: string; label: string }[];
};

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderEmail(content: EmailContent): { text: string; html: string } {
  const text = [
    "Bonjour,",
    ...content.paragraphs,
    ...(content.items?.length ? [content.items.map((i) => `- ${i.text}\n  ${i.href}`).join("\n")] : []),
    ...(content.link ? [`${content.link.label} : ${content.link.href}`] : []),
    "--",
    content.reason,
    ...(content.stopLinks ?? []).map((l) => `${l.label} : ${l.href}`),
  ].join("\n\n");
  const a = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const html = [
    `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#161616">`,
    `<p>Bonjour,</p>`,
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(content.items?.length ? [`<ul>${content.items.map((i) => `<li>${a(i.href, i.text)}</li>`).join("")}</ul>`] : []),
    ...(content.link ? [`<p>${a(content.link.href, content.link.label)}</p>`] : []),
    `<hr><p style="color:#555;font-size:13px">${escapeHtml(content.reason)}</p>`,
    ...(content.stopLinks ?? []).map((l) => `<p style="font-size:13px">${a(l.href, l.label)}</p>`),
    `</body></html>`,
  ].join("\n");
  return { text: `${text}\n`, html };
}

/** A subject line that stays readable in a mail client's list. */
export const emailSubject = (text: string) => `Sentinelle — ${text.length > 90 ? `${text.slice(0, 89)}…` : text}`;

/**
 * The irritants whose page a text links to (`/signalements/12`, `/signalements/12#commentaires`; never 123 for 12):
 * what retention must find again when it erases an irritant's text.
 */
export function linkedIrritantIds(...texts: string[]): number[] {
  const ids = new Set<number>();
  for (const text of texts) for (const m of text.matchAll(/\/signalements\/(\d{1,15})(?!\d)/g)) ids.add(Number(m[1]));
  return [...ids];
}
