import { describeFrozenSimilarSet } from "../support/frozen-set";

/**
 * The fourth held-out set of the similar-irritant look-up (issue 19) was written by a session that did not read the
 * engine, its vocabulary, its decision record, its evaluation notes nor any earlier set, committed before any
 * measurement, and is frozen: any edit to it, even a reformatting, must fail here.
 */
describeFrozenSimilarSet({
  file: "similar-holdout4.json",
  sha256: "a577b203a6b93b6fefd04acb3160ebe1553bded5169dadd6051c5b5f923f05d9",
  pairPrefix: "h4",
  unrelatedPrefix: "v4",
  ordinal: "fourth",
});
