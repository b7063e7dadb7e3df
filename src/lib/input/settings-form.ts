/**
 * The raw settings form (approval and top-level OAuth fields), kept apart from settings.ts so the
 * page can hold its state without loading the TOML writer before the engine.
 */

/** What the reader typed in the settings fields; an empty string means "not set". */
export interface SettingsForm {
  defaultApproval: string;
  /** `TOOL = MODE`, one per line (`TOOL: MODE` is accepted too). */
  toolApprovals: string;
  credentialsStore: string;
  callbackPort: string;
  /**
   * "No browser on this machine": `on`, or empty (or absent, which keeps this module's bytes off
   * the critical path). Reorders an OAuth server's steps (generator/headless.ts).
   */
  headless?: string;
}

/** Nothing set: every output is exactly what `generate` returns. */
export function emptySettings(): SettingsForm {
  return { defaultApproval: '', toolApprovals: '', credentialsStore: '', callbackPort: '' };
}
