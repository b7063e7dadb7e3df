/** Sizes the doctor page draws differently, shared by the page and its worker (no imports: both load it). */

/** Longer corrected blocks are shown as plain text: one span per token would be too many nodes. */
export const HIGHLIGHT_LIMIT = 32_000;
