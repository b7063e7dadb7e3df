/**
 * What changed for MCP between Codex releases, one entry per change, each observed by running the
 * releases on both sides of it (every minor line from 0.140.0 was run; see PROBED_RELEASES). The
 * ranges in facts.ts and keys.ts point at these entries, so each date lives in one place, and the
 * reference page "What changed for MCP between releases" is rendered from this list.
 * Every entry is re-checked on every release by tests/conformance/release-facts.test.ts
 * (`npm run test:versions`).
 * Not a change: `codex doctor`, `codex mcp list` and `codex mcp get --json`, which the verification
 * lines use, exist in every probed release (facts.ts OUTPUT_COMMANDS, proven by release-facts "commands").
 */
import { compareReleases, type Release } from './releases.ts';

/** One observed change: absent in `lastWithout`, present from `since` on. */
export interface Change {
  /** The first probed release that has it. */
  since: Release;
  /** The newest probed release that does not (patch releases in between were not run). */
  lastWithout: Release;
  /** Which part of Codex: a command, or config.toml. */
  area: string;
  /** What changed, in one or two sentences a reader can act on. */
  what: string;
}

/** Every change, by a short id that facts.ts and keys.ts refer to. */
export const CHANGES = {
  bootstrapMessage: {
    since: '0.147.0',
    lastWithout: '0.146.0',
    area: 'codex mcp get, list, login',
    what:
      'A config.toml Codex refuses is reported as "failed to load bootstrap configuration" ' +
      '(before: "failed to load configuration", with an extra "FILE:1:1:" cause line).',
  },
  addLoginHint: {
    since: '0.147.0',
    lastWithout: '0.146.0',
    area: 'codex mcp add',
    what:
      '`--url … --oauth-client-id …` also prints "MCP server may or may not require login. ' +
      'Run `codex mcp login NAME` to login."',
  },
  authKey: {
    since: '0.143.0',
    lastWithout: '0.142.0',
    area: 'config.toml',
    what: '`auth` is read for remote servers; before, the key was ignored.',
  },
  approvalWrites: {
    since: '0.144.0',
    lastWithout: '0.143.0',
    area: 'config.toml',
    what:
      '`default_tools_approval_mode` and `tools.TOOL.approval_mode` accept `"writes"` besides ' +
      '`"auto"`, `"prompt"` and `"approve"`; before, Codex refuses the file ' +
      '("unknown variant `writes`, expected one of `auto`, `prompt`, `approve`").',
  },
  httpHeadersHelper: {
    since: '0.148.0',
    lastWithout: '0.147.0',
    area: 'config.toml',
    what:
      '`http_headers_helper` is read; before, the key was ignored. ' +
      '`codex mcp get --json` shows it (redacted) in the transport.',
  },
  oauthClientRegistration: {
    since: '0.148.0',
    lastWithout: '0.147.0',
    area: 'codex mcp add, login',
    what: 'Both commands have a `--oauth-client-registration <AUTO|CIMD|DCR>` option.',
  },
  callbackUrl: {
    since: '0.151.0',
    lastWithout: '0.150.0',
    area: 'codex mcp add',
    what:
      '`--oauth-client-id` also writes `oauth.callback_url` (a loopback redirect URL) and prints it as ' +
      '"OAuth callback URL: …"; `oauth.callback_url` is read (before, ignored).',
  },
  nameRule: {
    since: '0.152.0',
    lastWithout: '0.151.0',
    area: 'codex mcp add',
    what:
      'Server names may contain ".", "/", "@" and ":" besides letters, digits, "-" and "_". ' +
      "Older releases refuse such a name: \"invalid server name 'a.b' (use letters, numbers, '-', '_')\".",
  },
  loginNoBrowser: {
    since: '0.156.0',
    lastWithout: '0.155.0',
    area: 'codex mcp login',
    what: 'It has a `--no-browser` option.',
  },
  clientSecret: {
    since: '0.158.0',
    lastWithout: '0.157.0',
    area: 'codex mcp add, config.toml',
    what:
      '`--oauth-client-secret` and `oauth.client_secret` exist; a secret without `oauth.client_id` is ' +
      'refused ("oauth.client_secret requires oauth.client_id"). Before, the key was ignored.',
  },
  schemaLimitAndReadiness: {
    since: '0.158.0',
    lastWithout: '0.157.0',
    area: 'config.toml',
    what: '`tool_input_schema_max_bytes` and `startup_readiness` are read; before, both keys were ignored.',
  },
  addBootstrapMessage: {
    since: '0.163.0',
    lastWithout: '0.162.0',
    area: 'codex mcp add',
    what:
      'A config.toml Codex refuses is reported as "failed to load bootstrap configuration" ' +
      '(before: "failed to load configuration").',
  },
} as const satisfies Record<string, Change>;

/** The id of one change. */
export type ChangeId = keyof typeof CHANGES;

/** Every change, newest first (ties keep declaration order). */
export function changesNewestFirst(): (Change & { id: ChangeId })[] {
  const list = (Object.keys(CHANGES) as ChangeId[]).map((id) => ({ id, ...CHANGES[id] }));
  return list.sort((a, b) => compareReleases(b.since, a.since));
}
