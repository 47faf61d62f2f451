import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Vitest's order, with the browser files (tests/e2e/) first. On a clean clone Vitest knows no durations and starts the
 * largest files first; the browser files are the long ones whatever their size (the page list's files are a few
 * lines each), and a long file started last leaves the other worker idle at the end of the run.
 */
export class BrowserFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const isBrowser = (file: TestSpecification) => /[\\/]tests[\\/]e2e[\\/]/.test(file.moduleId);
    return [...sorted.filter(isBrowser), ...sorted.filter((file) => !isBrowser(file))];
  }
}
