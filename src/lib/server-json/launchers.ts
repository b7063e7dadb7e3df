/**
 * Which program starts a package, and from where: the registry type's launcher (npm → npx, pypi →
 * uvx, nuget → dnx, oci → docker, go → go), a `runtimeHint` only when it is that launcher or a
 * drop-in alternative, and `registryBaseUrl` honoured (an image on ghcr.io is never pulled from
 * Docker Hub under the same name).
 */
import { RUNNERS } from './choices.ts';
import type { CommandWarning } from './review.ts';
import type { PackageDef } from './types.ts';

/** What a launcher decision adds to the conversion: sentences for the reader, warnings naming a flag. */
export interface Said {
  notes: string[];
  warnings: CommandWarning[];
}

// Interpreters and installers an author may name that cannot run a registry package by themselves.
const INTERPRETERS = /^(node|nodejs|deno|bun|python[0-9.]*|py|pip[0-9.]*|pipx|uv|dotnet|java)$/;

/** The program that starts `pkg`; a runtimeHint that is not its launcher is said, never run. */
export function launcherOf(pkg: PackageDef, said: Said): string {
  const runner = RUNNERS[pkg.registryType]!;
  const hint = pkg.runtimeHint;
  if (hint === '' || hint === runner.command) return runner.command;
  if (runner.alternatives.includes(hint)) {
    said.notes.push(
      `runtimeHint "${hint}" is used instead of ${runner.command}: it starts ${runner.what}s the same way.`,
    );
    return hint;
  }
  if (INTERPRETERS.test(hint)) {
    said.notes.push(
      `runtimeHint "${hint}" cannot start a ${runner.what} by itself (${hint} ${pkg.identifier} does not download it), so ${runner.command}, the launcher for ${runner.what}s, is used instead.`,
    );
    return runner.command;
  }
  said.warnings.push({
    flag: hint,
    message: `runtimeHint "${hint}" is not a launcher for ${runner.what}s, so it is not run: ${runner.command} starts ${pkg.identifier} instead. Ask the author what "${hint}" was meant to do.`,
  });
  return runner.command;
}

// The public registry of each type: a registryBaseUrl naming it changes nothing.
const PUBLIC: Record<string, RegExp> = {
  npm: /^https?:\/\/registry\.npmjs\.(org|com)\/?$/i,
  pypi: /^https?:\/\/(pypi\.org|pypi\.python\.org)(\/simple)?\/?$/i,
  nuget: /^https?:\/\/api\.nuget\.org(\/v3\/index\.json)?\/?$/i,
  oci: /^https?:\/\/(docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)\/?$/i,
  go: /^https?:\/\/proxy\.golang\.org\/?$/i,
};
const DOCKER_HUB =
  /^(docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)$/i;

/** The registry host an image reference names (`ghcr.io` in `ghcr.io/acme/x`), or '' for Docker Hub's short form. */
function imageHost(identifier: string): string {
  const first = identifier.split('/')[0] ?? '';
  return identifier.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : '';
}

/**
 * The identifier to run and the launcher flags that point at the file's registry. An image gets the
 * registry's host in front; npm gets `--registry`, NuGet `--source`; where no launcher flag is sure
 * (PyPI, Go), a warning says the package comes from the public registry instead.
 */
export function registryOf(
  pkg: PackageDef,
  command: string,
  said: Said,
): { identifier: string; flags: string[] } {
  const base = pkg.registryBaseUrl;
  const none = { identifier: pkg.identifier, flags: [] };
  if (base === '' || PUBLIC[pkg.registryType]?.test(base)) return none;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    said.warnings.push({
      flag: 'registryBaseUrl',
      message: `registryBaseUrl "${base}" is not a URL, so it is not used: ${pkg.identifier} comes from the public registry. Check with the author.`,
    });
    return none;
  }
  if (pkg.registryType === 'oci') {
    const named = imageHost(pkg.identifier);
    if (named === '') {
      said.notes.push(
        `The image is pulled from ${url.host} (registryBaseUrl), not from Docker Hub, which may hold another image of the same name.`,
      );
      return { identifier: `${url.host}/${pkg.identifier}`, flags: [] };
    }
    if (
      named.toLowerCase() !== url.host.toLowerCase() &&
      !(DOCKER_HUB.test(named) && DOCKER_HUB.test(url.host))
    )
      said.warnings.push({
        flag: 'registryBaseUrl',
        message: `registryBaseUrl names ${url.host}, but the image is ${pkg.identifier}, on ${named}: docker pulls it from ${named}. Check which one the author publishes.`,
      });
    return none;
  }
  if (pkg.registryType === 'npm' && command === 'npx') {
    said.notes.push(
      `npx downloads the package from ${base} (registryBaseUrl), not from npmjs.org.`,
    );
    return { identifier: pkg.identifier, flags: [`--registry=${base}`] };
  }
  if (pkg.registryType === 'nuget') {
    said.notes.push(
      `dnx downloads the tool from ${base} (registryBaseUrl) only, not from nuget.org.`,
    );
    return { identifier: pkg.identifier, flags: ['--source', base] };
  }
  said.warnings.push({
    flag: 'registryBaseUrl',
    message: `registryBaseUrl is ${base}, but ${command} downloads ${pkg.identifier} from the public registry, which may hold another package of the same name. Check with the author before you add it.`,
  });
  return none;
}

/** `v1.2.0` for `1.2.0`: `go run module@version` needs the tag's leading v. */
export function goVersion(version: string): string {
  return /^\d/.test(version) ? `v${version}` : version;
}
