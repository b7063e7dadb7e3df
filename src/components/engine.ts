/**
 * The generator engine, loaded on the first interaction with a generator (focus, pointer or key),
 * or at once for a share link. Until then the island shows the output rendered at build time, so
 * the validation, quoting and TOML code (~7 KB gzipped) stays off every page's critical path.
 */
export { generate } from '../lib/generate.ts';
// Reading the form (splitting a pasted command line, checking header lines) loads with the engine too.
export { specFromForm } from '../lib/provider.ts';
