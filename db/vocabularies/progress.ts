/** The kinds of block a point d'étape is composed of (labels in app/modules/progress/vocabulary.ts). */
export const BLOCK_KINDS = ["narrative", "figures", "indicator", "plan", "irritants", "changes", "seminar", "survey", "regulation", "next-steps"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];
