import { lazy, Suspense, type ComponentType } from "react";
import * as inPlace from "./irritant-forms.lazy";

/**
 * The public irritant page's forms for a signed-in reader (comment, file upload), which carry Conform and zod. The
 * server renders them in place, so they work without JavaScript; the browser loads their code only on a page that
 * shows them, so an anonymous visitor's page stays within the public JavaScript budget (issue 18). The browser build
 * drops the static import (`import.meta.env.SSR` is false there, and vite.config.ts marks `*.lazy.tsx` files free of
 * side effects); hydration waits for the chunk and keeps the server's HTML meanwhile.
 */
const forms: { CommentForm: ComponentType; AttachmentForm: ComponentType<{ maxAttachments: number }> } = import.meta.env.SSR
  ? inPlace
  : {
      CommentForm: lazy(() => import("./irritant-forms.lazy").then((m) => ({ default: m.CommentForm }))),
      AttachmentForm: lazy(() => import("./irritant-forms.lazy").then((m) => ({ default: m.AttachmentForm }))),
    };

export function CommentForm() {
  return (
    <Suspense fallback={null}>
      <forms.CommentForm />
    </Suspense>
  );
}

export function AttachmentForm({ maxAttachments }: { maxAttachments: number }) {
  return (
    <Suspense fallback={null}>
      <forms.AttachmentForm maxAttachments={maxAttachments} />
    </Suspense>
  );
}
