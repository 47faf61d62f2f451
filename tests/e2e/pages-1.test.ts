import { checkPages, usePageServer } from "../support/page-checks";
import { pagesOfFile } from "./page-list";

// A third of the page list (tests/e2e/page-list.ts): the three files run on both of Vitest's workers.
const ctx = usePageServer();
checkPages(ctx, pagesOfFile(1));
