/**
 * The generator engine, loaded on the first interaction with a generator (focus, pointer or key),
 * or at once for a share link. Until then the island shows the output rendered at build time, so
 * the validation, quoting and TOML code (~7 KB gzipped) stays off every page's critical path, and
 * so do reading the form (splitting a pasted command line, checking header lines), the form's rules
 * (which field a message belongs to, what a change of sign-in method keeps), the "No browser on this
 * machine" switch and steps, what the outputs say about a partial or TOML-only command, and the
 * entry as a plugin. The advanced settings' fields load on their own, when first opened
 * (GeneratorIsland, SettingsFields.tsx), and so do the plugin files (PluginOutput.tsx).
 */
export { generate } from '../../lib/generator/generate.ts';
export { specFromForm } from '../../lib/input/provider.ts';
export { fieldOf, switchMode } from '../../lib/input/form.ts';
export { withSettings } from '../../lib/generator/settings.ts';
export { HeadlessSwitch } from './HeadlessFields.tsx';
export { CliIntro, CliMissing } from './CliNotes.tsx';
export { withLinkExports } from './link-exports.ts';
export { PluginOutput } from './PluginOutput.tsx';
