import { describeFrozenSimilarSet } from "../support/frozen-set";

/**
 * The second held-out set of the similar-irritant look-up (issue 19) was written by a session that did not read the
 * engine nor any earlier set, committed before any measurement, and is frozen: any edit to it, even a reformatting,
 * must fail here.
 */
describeFrozenSimilarSet({
  file: "similar-holdout2.json",
  sha256: "cb07dc5d6c4dbeae036f61b0b8d3906a4b74b54f96625b1ae0622fb22148cab1",
  pairPrefix: "h2",
  unrelatedPrefix: "v2",
  ordinal: "second",
});
