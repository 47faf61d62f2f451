import { describeFrozenSimilarSet } from "../support/frozen-set";

/**
 * The third held-out set of the similar-irritant look-up (issue 19) was written by a session that did not read the
 * engine, its vocabulary nor any earlier set, committed before any measurement, and is frozen: any edit to it, even a
 * reformatting, must fail here.
 */
describeFrozenSimilarSet({
  file: "similar-holdout3.json",
  sha256: "921a44ba62f66056579d33a7310c3d2c1978b126172e681fbd0081abf2233261",
  pairPrefix: "h3",
  unrelatedPrefix: "v3",
  ordinal: "third",
});
