import MarkdownIt from "markdown-it";

// Raw HTML is never rendered: `html: false` escapes it, and markdown-it refuses javascript: and data: links.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Markdown written by the team, as inert HTML (escaped tags, safe links only). */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
