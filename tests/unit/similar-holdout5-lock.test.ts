import { describeFrozenSimilarSet } from "../support/frozen-set";

/**
 * The fifth held-out set of the similar-irritant look-up (issue 19) was written by a session that did not read the
 * engine, its vocabulary, its decision record, its evaluation notes nor any earlier set, committed before any
 * measurement, and is frozen: any edit to it, even a reformatting, must fail here.
 */
describeFrozenSimilarSet({
  file: "similar-holdout5.json",
  sha256: "71f14f01f67f917e8cf0490cf8fa129d1724c752f4e18e4ae7e1ca41b046a2c1",
  pairPrefix: "h5",
  unrelatedPrefix: "v5",
  ordinal: "fifth",
});
