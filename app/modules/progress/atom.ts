const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");

export type FeedEntry = { slug: string; title: string; summary: string; html: string; publishedAt: string; updatedAt: string };

/** An Atom 1.0 feed (RFC 4287) of published progress updates. */
export function buildAtomFeed(entries: FeedEntry[], baseUrl: string): string {
  const updated = entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), "1970-01-01T00:00:00.000Z");
  const items = entries
    .map(
      (e) => `  <entry>
    <id>${escapeXml(`${baseUrl}/points-etape/${e.slug}`)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(`${baseUrl}/points-etape/${e.slug}`)}"/>
    <published>${escapeXml(e.publishedAt)}</published>
    <updated>${escapeXml(e.updatedAt)}</updated>
    <summary>${escapeXml(e.summary)}</summary>
    <content type="html">${escapeXml(e.html)}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <id>${escapeXml(`${baseUrl}/points-etape`)}</id>
  <title>Sentinelle — points d'étape</title>
  <subtitle>Les avancées du programme Sentinelle, publiées par l'équipe programme</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${baseUrl}/flux.atom`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${baseUrl}/points-etape`)}"/>
  <author><name>Équipe programme Sentinelle</name></author>
  <updated>${escapeXml(updated)}</updated>
${items}
</feed>
`;
}
