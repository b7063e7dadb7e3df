/**
 * The ways a server.json offers to run a server (its remotes and packages), which of them Codex can
 * use, why not when it cannot, and the one picked by default.
 */
import type { PackageDef, ServerJson, TransportDef } from './types.ts';

/** One remote or package, as the reader picks it. */
export interface Choice {
  /** `remote:0`, `package:1`: stable for a given file. */
  id: string;
  kind: 'remote' | 'package';
  index: number;
  label: string;
  /** False when Codex cannot use it; `why` then says what to do instead. */
  supported: boolean;
  why: string;
}

/** How each registry type is started: its launcher, and the drop-in alternatives a runtimeHint may name. */
export const RUNNERS: Record<string, { command: string; what: string; alternatives: string[] }> = {
  npm: { command: 'npx', what: 'npm package', alternatives: ['bunx'] },
  pypi: { command: 'uvx', what: 'PyPI package', alternatives: [] },
  oci: { command: 'docker', what: 'container image', alternatives: ['podman'] },
  nuget: { command: 'dnx', what: 'NuGet tool', alternatives: [] },
  go: { command: 'go', what: 'Go module', alternatives: [] },
};

function remoteChoice(remote: TransportDef, index: number): Choice {
  const id = `remote:${index}`;
  const where = remote.url || '(no URL)';
  if (remote.refused.length > 0)
    return {
      id,
      kind: 'remote',
      index,
      label: `Remote (${remote.type}): ${where}`,
      supported: false,
      why: remote.refused.join(' '),
    };
  if (remote.type === 'streamable-http')
    return {
      id,
      kind: 'remote',
      index,
      label: `Remote (streamable HTTP): ${where}`,
      supported: remote.url !== '',
      why: remote.url === '' ? 'This remote has no URL.' : '',
    };
  if (remote.type === 'sse') {
    return {
      id,
      kind: 'remote',
      index,
      label: `Remote (SSE): ${where}`,
      supported: false,
      why: 'Codex speaks streamable HTTP only, not the older SSE transport, so it cannot use this endpoint.',
    };
  }
  return {
    id,
    kind: 'remote',
    index,
    label: `Remote (${remote.type}): ${where}`,
    supported: false,
    why: `"${remote.type}" is not a remote transport: a remote is "streamable-http" or "sse".`,
  };
}

function packageChoice(pkg: PackageDef, index: number): Choice {
  const id = `package:${index}`;
  const runner = RUNNERS[pkg.registryType];
  const version = pkg.version ? ` ${pkg.version}` : '';
  const label = `${runner?.what ?? pkg.registryType} ${pkg.identifier}${version}${pkg.transport.type === 'stdio' ? '' : ` (${pkg.transport.type})`}`;
  // Every refusal of a package is the same choice with its own reason.
  const refused = (why: string): Choice => ({
    id,
    kind: 'package',
    index,
    label,
    supported: false,
    why,
  });
  if (pkg.refused.length > 0) return refused(pkg.refused.join(' '));
  if (!runner) {
    return refused(
      pkg.registryType === 'mcpb'
        ? 'This is an MCP bundle (mcpb): Codex has no installer for bundles. Download and unpack it, then add its command under "Local (stdio) server".'
        : `Registry type "${pkg.registryType}" has no standard runner: install it as its documentation says, then add its command under "Local (stdio) server".`,
    );
  }
  if (pkg.transport.type === 'sse') {
    return refused('This package serves the older SSE transport, which Codex does not speak.');
  }
  if (pkg.transport.type !== 'stdio' && pkg.transport.type !== 'streamable-http') {
    return refused(
      `Transport "${pkg.transport.type}" is unknown: use "stdio" or "streamable-http".`,
    );
  }
  return { id, kind: 'package', index, label, supported: true, why: '' };
}

/** Every remote and package, in file order (remotes first). */
export function listChoices(server: ServerJson): Choice[] {
  const choices = [...server.remotes.map(remoteChoice), ...server.packages.map(packageChoice)];
  // An unusable choice points to the nearest one that works.
  const usable = choices.find((c) => c.supported);
  for (const c of choices) {
    if (c.supported) continue;
    c.why += usable
      ? ` Use "${usable.label}" instead.`
      : ' No other remote or package in this file works with Codex: ask the author for a streamable HTTP endpoint or a stdio package.';
  }
  return choices;
}

/** The choice offered first, and a sentence saying why. Remotes win: they need nothing installed. */
export function defaultChoice(choices: readonly Choice[]): {
  choice: Choice | null;
  reason: string;
} {
  const usable = choices.filter((c) => c.supported);
  const first = usable[0] ?? null;
  if (!first)
    return {
      choice: null,
      reason:
        choices.length === 0
          ? 'This server.json lists no remotes and no packages: there is nothing for Codex to connect to.'
          : 'Nothing in this server.json works with Codex as it is; see each entry for why.',
    };
  if (usable.length === 1)
    return { choice: first, reason: 'This is the only entry Codex can use.' };
  const reason =
    first.kind === 'remote'
      ? 'A remote server needs nothing installed on your machine, so it comes first; pick a package to run the server locally instead.'
      : 'The first package is picked; pick another if you prefer its runner.';
  return { choice: first, reason };
}
