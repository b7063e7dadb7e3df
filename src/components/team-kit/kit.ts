/**
 * The team kit: several servers (share links of this site's guides, a server.json) as one Codex
 * plugin marketplace repository (src/lib/plugin/marketplace.ts). Each link passes the same codec and
 * boundary as a guide opening it (decodeShare, specFromForm); a server.json the same import as the
 * generator's (readServerJson). Plugin files hold variables by name only: whatever a guide's plugin
 * block withholds (plugin-view.ts) is refused here too, and a name or repository that looks like a
 * credential is refused at its field. Pure; never throws; every message names its field.
 */
import { findCredential } from '../../lib/safety/credentials.ts';
import { generate } from '../../lib/generator/generate.ts';
import type { Diagnostic, EnvVarSpec } from '../../lib/generator/model.ts';
import { specFromForm, type Provider } from '../../lib/input/provider.ts';
import { namesOnly, pluginNameFor, type PluginSource } from '../../lib/plugin/files.ts';
import { marketplace, type RepoFile } from '../../lib/plugin/marketplace.ts';
import { readServerJson, type Conversion } from '../../lib/server-json/index.ts';
import { readmeVariables } from '../../lib/server-json/link.ts';
import { decodeShare, SHARE_VERSION } from '../../lib/share/share.ts';
import { withLinkExports } from '../generator/link-exports.ts';
import { pluginView } from '../generator/plugin-view.ts';

/** The kit's four fields, as typed. */
export interface KitInput {
  /** Share links of this site's guides, one a line. */
  links: string;
  /** One server.json (optional). */
  serverJson: string;
  /** The marketplace's name. */
  name: string;
  /** OWNER/REPO on GitHub (optional: the README then shows OWNER/REPO). */
  repo: string;
}

export type KitField = keyof KitInput;

/** One server that made it into the kit, and where it came from. */
export interface KitServer {
  /** "link 2", "the server.json": how messages name the source. */
  source: string;
  field: KitField;
  server: string;
  plugin: string;
}

export interface Kit {
  /** The repository's files; null while any field has an error. */
  files: RepoFile[] | null;
  servers: KitServer[];
  /** Messages by field (errors and warnings), each naming its field and the fix. */
  messages: Record<KitField, Diagnostic[]>;
}

const LABELS: Record<KitField, string> = {
  links: 'Share links',
  serverJson: 'server.json',
  name: 'Marketplace name',
  repo: 'Repository',
};

/** Most share links one kit reads: each is decoded and generated on every keystroke. */
export const MAX_LINKS = 50;

type Candidate = PluginSource & { source: string; field: KitField };

const error = (field: KitField, message: string): Diagnostic => ({
  field,
  severity: 'error',
  message,
});
const warning = (field: KitField, message: string): Diagnostic => ({
  field,
  severity: 'warning',
  message,
});

/** The guide a link points at: the last `/guides/SLUG/` of its path, or the path's own form. */
function guideOf(link: string): string | undefined {
  const path = link.split('#')[0]?.split('?')[0] ?? '';
  return /\/guides\/([^/]+)\/?$/.exec(path)?.[1];
}

/** One share link as a plugin source, or the messages that keep it out. */
function fromLink(
  providers: readonly Provider[],
  line: string,
  n: number,
  out: Diagnostic[],
): Candidate | null {
  const source = `link ${n}`;
  const say = (m: string) => out.push(error('links', `${LABELS.links}, ${source}: ${m}`));
  const slug = guideOf(line);
  const hash = line.includes('#') ? line.slice(line.indexOf('#')) : '';
  const provider = providers.find((p) => p.id === slug);
  if (!provider || !hash.includes('=')) {
    say(
      'not a share link of this site. Open a guide, fill in its form, press "Copy link for teammates" and paste that link (it ends in /guides/NAME/#v=1&…).',
    );
    return null;
  }
  const decoded = decodeShare(provider, hash);
  // A link of another format version opens as the preset: nothing in it is this server.
  if (new URLSearchParams(hash.slice(1)).get('v') !== SHARE_VERSION) {
    for (const notice of decoded.notices) say(notice);
    say('copy the link from the guide again.');
    return null;
  }
  // What a guide's notice asks the reader to check twice (a host outside the provider's domain…).
  for (const notice of [...decoded.cautions, ...decoded.notices])
    out.push(warning('links', `${LABELS.links}, ${source}: ${notice}`));
  if (Object.values(decoded.settings).some((v) => v !== undefined && v !== '')) {
    say(
      "it sets Advanced settings (tool approval or OAuth settings), which plugin files do not hold. Clear them in the guide and copy the link again, or use that guide's TOML block.",
    );
    return null;
  }
  const asked = specFromForm(provider, decoded.form);
  const spec = decoded.from !== undefined ? withLinkExports(asked) : asked;
  const generated = generate(spec);
  const errors = generated.diagnostics.filter((d) => d.severity === 'error');
  if (!generated.outputs || errors.length > 0) {
    for (const d of errors) say(`${d.message} Open the link, fix it there and copy it again.`);
    return null;
  }
  const view = pluginView(generated.outputs, spec, decoded.form);
  for (const d of view.problems) say(d.message);
  if (!view.files) return null;
  return {
    server: generated.outputs.name,
    entry: generated.outputs.entry,
    env: namesOnly(spec.envVarLines),
    source,
    field: 'links',
  };
}

/** The server.json's preferred remote or package as a plugin source, or the messages that keep it out. */
function fromServerJson(custom: Provider, text: string, out: Diagnostic[]): Candidate | null {
  const say = (m: string) => out.push(error('serverJson', `${LABELS.serverJson}: ${m}`));
  const report = readServerJson(custom, text);
  for (const d of report.diagnostics) {
    const m = `${d.path ? `${d.path}: ` : ''}${d.message}`;
    if (d.severity === 'error') say(m);
    else out.push(warning('serverJson', `${LABELS.serverJson}: ${m}`));
  }
  if (!report.server) {
    if (report.diagnostics.length === 0) say('paste the whole file, from { to }.');
    return null;
  }
  const picked = report.choices.find((c) => c.choice.id === report.preferred);
  const conversion = picked?.conversion;
  if (!picked || !conversion) {
    say(
      'it has no remote or package Codex can use (see its notes on the "any MCP server" guide), so there is nothing to install.',
    );
    return null;
  }
  out.push(
    warning('serverJson', `${LABELS.serverJson}: uses ${picked.choice.label}. ${report.reason}`),
  );
  for (const w of conversion.warnings)
    out.push(warning('serverJson', `${LABELS.serverJson}: ${w.flag}: ${w.message}`));
  const made = conversionPlugin(custom, conversion);
  for (const m of made.problems) say(m);
  return made.source && { ...made.source, source: 'the server.json', field: 'serverJson' };
}

/**
 * A server.json conversion (one remote or package) as a plugin source: the entry the import's TOML
 * block comes from, its variables by name only; or why its plugin files are withheld.
 */
export function conversionPlugin(
  provider: Provider,
  conversion: Conversion,
): { source: PluginSource | null; problems: string[] } {
  const spec = specFromForm(provider, conversion.form);
  const generated = generate(spec);
  const errors = generated.diagnostics.filter((d) => d.severity === 'error');
  if (!generated.outputs || errors.length > 0)
    return {
      source: null,
      problems: [
        ...errors.map((d) => d.message),
        ...conversion.todo.map(
          (t) => `a plugin holds one value for everyone and cannot ask each reader for this: ${t}`,
        ),
      ],
    };
  const view = pluginView(generated.outputs, spec, conversion.form);
  if (!view.files) return { source: null, problems: view.problems.map((d) => d.message) };
  const env: EnvVarSpec[] = readmeVariables(spec, conversion).map(
    ({ name, value, placeholder }) => ({ name, value, placeholder }),
  );
  return {
    source: { server: generated.outputs.name, entry: generated.outputs.entry, env: namesOnly(env) },
    problems: [],
  };
}

/** "link 1 and link 3": both sources of a clash. */
function clashes(list: readonly Candidate[], key: (c: Candidate) => string, out: Diagnostic[]) {
  const seen = new Map<string, Candidate>();
  let found = false;
  for (const c of list) {
    const first = seen.get(key(c));
    if (!first) {
      seen.set(key(c), c);
      continue;
    }
    found = true;
    const what =
      first.server === c.server
        ? `the server name "${c.server}"`
        : `the plugin name "${key(c)}" (from the server names "${first.server}" and "${c.server}")`;
    out.push(
      error(
        c.field,
        `${LABELS[c.field]}: ${first.source} and ${c.source} both give ${what}; Codex would load only one of them. Change the Server name of one in its guide and paste its new link.`,
      ),
    );
  }
  return found;
}

/** A public field (name, repository) that looks like a credential: refused, never written. */
function credentialIn(field: KitField, value: string, out: Diagnostic[]): boolean {
  const hit = findCredential(value);
  if (hit)
    out.push(
      error(
        field,
        `${LABELS[field]}: this looks like a credential (${hit.reason}), and it would be written into files everyone can read. Use a plain name.`,
      ),
    );
  return hit !== undefined;
}

/** The kit for what was typed: the files, or every message that keeps them back. */
export function buildKit(providers: readonly Provider[], input: KitInput): Kit {
  const found: Diagnostic[] = [];
  const candidates: Candidate[] = [];
  const lines = input.links
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > MAX_LINKS)
    found.push(
      error(
        'links',
        `${LABELS.links}: ${lines.length.toLocaleString('en')} lines; a kit takes at most ${MAX_LINKS} servers. Split them into several marketplaces.`,
      ),
    );
  else
    lines.forEach((line, i) => {
      const c = fromLink(providers, line, i + 1, found);
      if (c) candidates.push(c);
    });
  const custom = providers.find((p) => p.id === 'custom');
  if (input.serverJson.trim() !== '' && custom) {
    const c = fromServerJson(custom, input.serverJson, found);
    if (c) candidates.push(c);
  }
  const kept = candidates.map((c) => ({ ...c, plugin: pluginNameFor(c.server) }));
  const clash =
    clashes(kept, (c) => c.server, found) || clashes(kept, (c) => c.plugin ?? c.server, found);
  const secretName = credentialIn('name', input.name, found);
  const secretRepo = credentialIn('repo', input.repo, found);
  if (lines.length === 0 && input.serverJson.trim() === '')
    found.push(
      error('links', `${LABELS.links}: paste at least one share link, or a server.json below.`),
    );
  const built =
    secretName || secretRepo
      ? null
      : marketplace({ name: input.name, repo: input.repo, plugins: kept });
  for (const d of built?.diagnostics ?? []) {
    if (d.field === 'name' || d.field === 'repo') found.push({ ...d, field: d.field });
    // Per-server problems name their source; clashes and an empty kit were reported above.
    const c = /^plugins\.(\d+)/.exec(d.field);
    const from = c ? kept[Number(c[1])] : undefined;
    if (from && !clash)
      found.push(error(from.field, `${LABELS[from.field]}, ${from.source}: ${d.message}`));
  }
  const messages: Record<KitField, Diagnostic[]> = {
    links: [],
    serverJson: [],
    name: [],
    repo: [],
  };
  for (const d of found) messages[d.field as KitField].push(d);
  const blocked = clash || found.some((d) => d.severity === 'error');
  return {
    files: blocked || !built ? null : built.files,
    servers: kept.map((c) => ({
      source: c.source,
      field: c.field,
      server: c.server,
      plugin: c.plugin,
    })),
    messages,
  };
}
