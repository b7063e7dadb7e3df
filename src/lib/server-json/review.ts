/**
 * What a server's command really runs, said plainly: the warnings the import, the prefilled page
 * and the README section show when a command does more than start the one package it names (a
 * second package or image, a source from git, docker flags that open the host to the container).
 * Read from the argv alone, so a prefilled link, which carries only the form, gets the same words.
 */

/** One warning: the flag or word it is about, and the sentence that names it. */
export interface CommandWarning {
  flag: string;
  message: string;
}

/** The programs a server.json package may be started with; anything else is not a launcher. */
export const KNOWN_LAUNCHERS = ['npx', 'bunx', 'uvx', 'dnx', 'docker', 'podman', 'go'] as const;

// `docker run` flags whose value is the next word (so that word is neither the image nor a command).
const DOCKER_VALUE_FLAGS = new Set(
  (
    '-a --attach --add-host --annotation --blkio-weight --blkio-weight-device --cap-add --cap-drop ' +
    '--cgroup-parent --cgroupns --cidfile --cpu-period --cpu-quota --cpu-rt-period --cpu-rt-runtime ' +
    '-c --cpu-shares --cpus --cpuset-cpus --cpuset-mems --device --device-cgroup-rule ' +
    '--device-read-bps --device-read-iops --device-write-bps --device-write-iops --dns --dns-option ' +
    '--dns-search --domainname --entrypoint -e --env --env-file --expose --gpus --group-add ' +
    '--health-cmd --health-interval --health-retries --health-start-period --health-timeout -h ' +
    '--hostname --ip --ip6 --ipc --isolation --kernel-memory -l --label --label-file --link ' +
    '--link-local-ip --log-driver --log-opt --mac-address -m --memory --memory-reservation ' +
    '--memory-swap --memory-swappiness --mount --name --network --net --network-alias ' +
    '--oom-score-adj --pid --pids-limit --platform -p --publish --pull --restart --runtime ' +
    '--security-opt --shm-size --stop-signal --stop-timeout --storage-opt --sysctl --tmpfs --ulimit ' +
    '-u --user --userns --uts -v --volume --volume-driver --volumes-from -w --workdir'
  ).split(' '),
);
// Namespaces a container may share with the host (`--network host` and the like).
const HOST_NAMESPACES: Record<string, string> = {
  '--network': 'network',
  '--net': 'network',
  '--pid': 'processes',
  '--ipc': 'shared memory',
  '--uts': 'hostname',
  '--userns': 'user namespace',
  '--cgroupns': 'control groups',
};
// Flags that give the container more than its own sandbox, whatever their value.
const ALWAYS_WIDEN: Record<string, string> = {
  '--privileged': 'gives the container every capability and every host device',
  '--cap-add': 'adds Linux capabilities to the container',
  '--device': 'gives the container a host device',
  '--security-opt': 'changes the container’s security profile',
  '--volumes-from': 'mounts another container’s volumes',
  '--entrypoint': 'replaces the program the image runs',
};

/** A word that names an image with a registry or a tag: `docker.io/evil/other:latest`, `ghcr.io/x/y`. */
const IMAGE_RE =
  /^([a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\/[^\s]+|[a-z0-9._-]+\/[a-z0-9._/-]+(:[\w.-]+|@sha256:[a-f0-9]+))$/i;
/** An npm package with a version, or a scoped one: `evil-package@6.6.6`, `@acme/official`. */
const NPM_SPEC_RE = /^(@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*(@\S+)?|[a-z0-9][\w.-]*@\S+)$/i;
/** A Python requirement with a version: `evil==1.0`, `pkg[extra]>=2`. */
const PY_SPEC_RE = /^[a-z0-9][\w.-]*(\[[^\]]*\])?\s*(==|>=|<=|~=|!=|@)/i;
/** A source outside the registry: git, an URL or a local path. */
const OUTSIDE_RE = /^(git\+|git:|github:|gitlab:|bitbucket:|https?:|file:|ssh:|\.{0,2}\/|~\/)/i;

function push(out: CommandWarning[], flag: string, message: string): void {
  if (!out.some((w) => w.flag === flag)) out.push({ flag, message });
}

/** `--flag=value` or `--flag value`: the flag, its value, and how many words it used. */
function split(args: readonly string[], i: number, valued: (f: string) => boolean) {
  const word = args[i]!;
  const eq = word.startsWith('--') ? word.indexOf('=') : -1;
  if (eq > 0) return { flag: word.slice(0, eq), value: word.slice(eq + 1), used: 1 };
  if (valued(word)) return { flag: word, value: args[i + 1] ?? '', used: 2 };
  return { flag: word, value: null, used: 1 };
}

/**
 * Walks a launcher's own options up to its first positional word: calls `onFlag` for each option
 * (with its value when `valued` says it takes one) and returns the positional words, in order.
 */
function launcherWords(
  args: readonly string[],
  valued: ReadonlySet<string>,
  onFlag: (flag: string, value: string | null) => void,
): string[] {
  const positional: string[] = [];
  for (let i = 0; i < args.length;) {
    const word = args[i]!;
    if (positional.length > 0 || !word.startsWith('-')) {
      positional.push(word);
      i += 1;
      continue;
    }
    const { flag, value, used } = split(args, i, (f) => valued.has(f));
    i += used;
    onFlag(flag, value);
  }
  return positional;
}

/** Whether a bind source is a host path (`/`, `~`, `.`, `C:\`, `$HOME`) rather than a named volume. */
const hostPath = (source: string) => /^(\/|~|\.|[A-Za-z]:[\\/]|\$|\\\\)/.test(source);

function dockerWarnings(args: readonly string[], out: CommandWarning[], program: string): string[] {
  if (args[0] !== 'run') {
    push(
      out,
      args[0] ?? '',
      `${program} ${args[0] ?? ''} is not "${program} run": check what it does before you add it.`,
    );
    return [];
  }
  let image = '';
  let i = 1;
  for (; i < args.length;) {
    const word = args[i]!;
    if (!word.startsWith('-') || word === '-') {
      image = word;
      break;
    }
    const { flag, value, used } = split(args, i, (f) => DOCKER_VALUE_FLAGS.has(f));
    i += used;
    const v = (value ?? '').trim();
    const named = value === null ? flag : `${flag} ${v}`;
    if (flag === '--privileged') {
      if (value !== 'false')
        push(out, flag, `${flag} ${ALWAYS_WIDEN[flag]}: the server can reach your whole machine.`);
    } else if (ALWAYS_WIDEN[flag]) push(out, named, `${named} ${ALWAYS_WIDEN[flag]}.`);
    else if (HOST_NAMESPACES[flag] && /^host$/i.test(v))
      push(
        out,
        named,
        `${named} shares your machine’s ${HOST_NAMESPACES[flag]} with the container.`,
      );
    else if ((flag === '-v' || flag === '--volume') && hostPath(v.split(':')[0] ?? ''))
      push(
        out,
        `${flag} ${v}`,
        `${flag} ${v} mounts ${v.split(':')[0]} from your machine into the container.`,
      );
    else if (flag === '--mount' && /(^|,)type=bind(,|$)/.test(v))
      push(out, `${flag} ${v}`, `${flag} ${v} mounts a folder of your machine into the container.`);
  }
  if (image === '') return [];
  for (const word of args.slice(i + 1))
    if (IMAGE_RE.test(word))
      push(
        out,
        word,
        `${program} runs the image ${image}, and passes ${word} to it as an argument: that looks like a second image. Check which one the server is.`,
      );
  return args.slice(i);
}

function npxWarnings(args: readonly string[], out: CommandWarning[], program: string): string[] {
  const valued = new Set([
    '-p',
    '--package',
    '-c',
    '--call',
    '--registry',
    '--cache',
    '--prefix',
    '-w',
    '--workspace',
    '--userconfig',
  ]);
  const positional = launcherWords(args, valued, (flag, value) => {
    if (flag === '-p' || flag === '--package')
      push(
        out,
        `${flag} ${value}`,
        `${flag} ${value} installs a second package next to the one the server names.`,
      );
    else if (flag === '-c' || flag === '--call')
      push(out, flag, `${flag} runs a shell command: ${value}.`);
  });
  const [first, ...rest] = positional;
  if (first && OUTSIDE_RE.test(first))
    push(out, first, `${program} runs ${first}, which is not from the npm registry.`);
  for (const word of rest)
    if (NPM_SPEC_RE.test(word))
      push(
        out,
        word,
        `${program} runs ${first}, and passes ${word} to it as an argument: that looks like a second package. Check which one the server is.`,
      );
  return positional;
}

function uvxWarnings(args: readonly string[], out: CommandWarning[]): string[] {
  const valued = new Set([
    '--from',
    '--with',
    '--with-editable',
    '--with-requirements',
    '-w',
    '--python',
    '-p',
    '--index',
    '--index-url',
    '-i',
    '--default-index',
    '--extra-index-url',
    '--find-links',
    '-f',
    '--constraints',
    '--overrides',
    '--env-file',
  ]);
  const positional = launcherWords(args, valued, (flag, value) => {
    if (flag === '--from')
      push(
        out,
        `${flag} ${value}`,
        `--from ${value} runs the tool from another source than the package the server names.`,
      );
    else if (/^(--with|--with-editable|--with-requirements|-w)$/.test(flag))
      push(
        out,
        `${flag} ${value}`,
        `${flag} ${value} installs more packages next to the one the server names.`,
      );
    else if (value !== null && OUTSIDE_RE.test(value))
      push(
        out,
        `${flag} ${value}`,
        `${flag} ${value} reads from outside the Python Package Index.`,
      );
  });
  const [first, ...rest] = positional;
  if (first && OUTSIDE_RE.test(first))
    push(out, first, `uvx runs ${first}, which is not from the Python Package Index.`);
  for (const word of rest)
    if (PY_SPEC_RE.test(word) || /^git\+/.test(word))
      push(
        out,
        word,
        `uvx runs ${first}, and passes ${word} to it as an argument: that looks like a second package. Check which one the server is.`,
      );
  return positional;
}

function dnxWarnings(args: readonly string[], out: CommandWarning[]): string[] {
  const end = args.indexOf('--');
  const own = end >= 0 ? args.slice(0, end) : args;
  const valued = new Set([
    '--source',
    '--add-source',
    '--configfile',
    '--version',
    '--framework',
    '--arch',
    '-a',
    '--verbosity',
    '-v',
  ]);
  const positional: string[] = [];
  for (let i = 0; i < own.length;) {
    const word = own[i]!;
    if (!word.startsWith('-')) {
      positional.push(word);
      i += 1;
      continue;
    }
    const { flag, value, used } = split(own, i, (f) => valued.has(f));
    i += used;
    if ((flag === '--source' || flag === '--add-source') && value)
      push(out, `${flag} ${value}`, `${flag} ${value} downloads from another feed than nuget.org.`);
  }
  for (const word of positional.slice(1))
    push(
      out,
      word,
      `dnx runs ${positional[0]}, and ${word} is a second package name before "--". Check which one the server is.`,
    );
  return positional;
}

function goWarnings(args: readonly string[], out: CommandWarning[]): string[] {
  if (args[0] !== 'run') {
    push(
      out,
      args[0] ?? '',
      `go ${args[0] ?? ''} is not "go run": check what it does before you add it.`,
    );
    return [];
  }
  let i = 1;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const flag = args[i]!.split('=')[0]!;
    if (flag === '-exec' || flag === '-toolexec')
      push(out, flag, `${flag} runs the built server through another program.`);
  }
  return args.slice(i);
}

/** A command line read by its launcher: the warnings, and what the launcher starts (its first positional). */
export function readArgv(
  command: string,
  args: readonly string[],
): { warnings: CommandWarning[]; starts: string | null } {
  const out: CommandWarning[] = [];
  const program = command.trim();
  if (program === '') return { warnings: out, starts: null };
  if (!(KNOWN_LAUNCHERS as readonly string[]).includes(program)) {
    push(
      out,
      program,
      `${program} is not a package launcher (${KNOWN_LAUNCHERS.join(', ')}): this entry runs it as given. Check what it does before you add it.`,
    );
    return { warnings: out, starts: null };
  }
  const positional =
    program === 'docker' || program === 'podman'
      ? dockerWarnings(args, out, program)
      : program === 'npx' || program === 'bunx'
        ? npxWarnings(args, out, program)
        : program === 'uvx'
          ? uvxWarnings(args, out)
          : program === 'dnx'
            ? dnxWarnings(args, out)
            : goWarnings(args, out);
  return { warnings: out, starts: positional[0] ?? null };
}

/** What a command line does beyond starting one package, one warning per flag or word. */
export function argvWarnings(command: string, args: readonly string[]): CommandWarning[] {
  return readArgv(command, args).warnings;
}
