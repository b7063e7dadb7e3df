/**
 * Measurement 5: build time with the real catalogue and with a synthetic one of 100 more providers,
 * each with its own guide page. Measured, never asserted.
 *
 * Each build runs in a throwaway copy of the project. node_modules is copied as hard links
 * (`cp -al`: instant, no extra space); a symlinked node_modules breaks the Astro build ("No cached
 * compile metadata"), because files resolve to paths outside the project root. Cache folders in
 * node_modules (.vite, .astro, ...) are left out of the copy so every build starts cold and nothing
 * the build writes can reach the real tree through a hard link.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { guidePages, htmlPages } from '../../tests/support/budget.ts';
import { summarize, type Row, type Summary } from './stats.ts';

export const SCALE_RATIO_TARGET = 5;

/** Top-level entries never copied: dependencies (hard-linked instead), outputs, caches, VCS. */
const SKIP_TOP = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  'test-results',
  'playwright-report',
  'bench',
  'bench-results',
]);
/** Caches inside node_modules; left out so builds are cold and never write through a hard link. */
const NODE_MODULES_CACHES = ['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache'];

/** Copies the project at `root` into a new folder; node_modules as hard links. */
export function copyProject(projectRoot: string, into: string): string {
  const root = resolve(projectRoot);
  const dest = join(into, 'project');
  cpSync(root, dest, {
    recursive: true,
    filter: (src) => src === root || !SKIP_TOP.has(src.slice(root.length + 1).split('/')[0]!),
  });
  const cp = spawnSync('cp', ['-al', join(root, 'node_modules'), join(dest, 'node_modules')], {
    encoding: 'utf8',
  });
  if (cp.status !== 0) throw new Error(`cp -al node_modules failed: ${cp.stderr}`);
  for (const c of NODE_MODULES_CACHES)
    rmSync(join(dest, 'node_modules', c), { recursive: true, force: true });
  return dest;
}

interface GuideTemplate {
  provider: string;
  text: string;
}

/** The real guides (MDX under guides/ embedding `<Generator provider="…"/>`), to model synthetic ones on. */
function guideTemplates(project: string): GuideTemplate[] {
  const dir = join(project, 'src/content/docs/guides');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.mdx$/.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .map((text) => ({ provider: text.match(/<Generator\s+provider="([^"]+)"/)?.[1] ?? '', text }))
    .filter((t) => t.provider !== '');
}

/**
 * Adds `count` providers (variations of the real ones: id, name, serverName) and one guide page per
 * provider, each a real guide's MDX (the one for its base provider when there is one) retitled and
 * pointed at the synthetic provider.
 */
export function addSyntheticCatalogue(
  project: string,
  count: number,
): { providers: number; guides: number } {
  const providersDir = join(project, 'content/providers');
  const real = readdirSync(providersDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map(
      (f) =>
        JSON.parse(readFileSync(join(providersDir, f), 'utf8')) as {
          id: string;
          name: string;
          serverName: string;
          [k: string]: unknown;
        },
    );
  const templates = guideTemplates(project);
  if (real.length === 0 || templates.length === 0)
    throw new Error('no providers or no guide MDX to model the synthetic catalogue on');
  for (let i = 0; i < count; i++) {
    const base = real[i % real.length]!;
    const n = String(i + 1).padStart(3, '0');
    const id = `${base.id}-bench-${n}`;
    const name = `${base.name} ${n}`;
    writeFileSync(
      join(providersDir, `${id}.json`),
      JSON.stringify({ ...base, id, name, serverName: `${base.serverName}-${n}` }, null, 2),
    );
    const template =
      templates.find((t) => t.provider === base.id) ?? templates[i % templates.length]!;
    const mdx = template.text
      .replace(/^title:.*$/m, `title: ${JSON.stringify(`${name} (synthetic)`)}`)
      .replace(/<Generator\s+provider="[^"]+"/g, `<Generator provider="${id}"`);
    writeFileSync(join(project, 'src/content/docs/guides', `${id}.mdx`), mdx);
  }
  return { providers: real.length + count, guides: templates.length + count };
}

/** One cold `astro build` in `project`; wall-clock seconds. */
export function timeBuild(project: string): { seconds: number; pages: number; guides: number } {
  rmSync(join(project, 'dist'), { recursive: true, force: true });
  rmSync(join(project, '.astro'), { recursive: true, force: true });
  for (const c of NODE_MODULES_CACHES)
    rmSync(join(project, 'node_modules', c), { recursive: true, force: true });
  const bin = join(project, 'node_modules/.bin');
  const t0 = performance.now();
  // The Node that runs the bench (24, from the `node` devDependency) runs Astro too.
  const r = spawnSync(
    process.execPath,
    [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: project,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0)
    throw new Error(
      `astro build failed in ${basename(project)}:\n${(r.stdout + r.stderr).slice(-3000)}`,
    );
  const dist = join(project, 'dist');
  return { seconds, pages: htmlPages(dist).length, guides: guidePages(dist).length };
}

export interface ScaleResult {
  runs: number;
  real: { seconds: Summary; pages: number; guidePages: number; providers: number };
  synthetic: {
    seconds: Summary;
    pages: number;
    guidePages: number;
    providers: number;
    added: number;
  };
  ratio: number;
  method: string;
}

export function measureScale(
  root: string,
  added: number,
  runs: number,
  log: (s: string) => void,
): ScaleResult {
  const tmp = mkdtempSync(join(tmpdir(), 'codex-mcp-bench-'));
  try {
    const realDir = copyProject(root, join(tmp, 'real'));
    const synthDir = copyProject(root, join(tmp, 'synthetic'));
    const realProviders = readdirSync(join(realDir, 'content/providers')).filter((f) =>
      f.endsWith('.json'),
    ).length;
    const synth = addSyntheticCatalogue(synthDir, added);
    const realTimes: number[] = [];
    const synthTimes: number[] = [];
    let realPages = { pages: 0, guides: 0 };
    let synthPages = { pages: 0, guides: 0 };
    // Interleaved, so drift in machine load hits both sides alike.
    for (let i = 0; i < runs; i++) {
      const r = timeBuild(realDir);
      realTimes.push(r.seconds);
      realPages = r;
      log(
        `  build real catalogue run ${i + 1}/${runs}: ${r.seconds.toFixed(1)} s, ${r.pages} pages`,
      );
      const s = timeBuild(synthDir);
      synthTimes.push(s.seconds);
      synthPages = s;
      log(
        `  build synthetic catalogue run ${i + 1}/${runs}: ${s.seconds.toFixed(1)} s, ${s.pages} pages`,
      );
    }
    const real = summarize(realTimes);
    const synthetic = summarize(synthTimes);
    return {
      runs,
      real: {
        seconds: real,
        pages: realPages.pages,
        guidePages: realPages.guides,
        providers: realProviders,
      },
      synthetic: {
        seconds: synthetic,
        pages: synthPages.pages,
        guidePages: synthPages.guides,
        providers: synth.providers,
        added,
      },
      ratio: synthetic.median / real.median,
      method:
        'cold `astro build` in a temporary copy of the project; node_modules hard-linked (cp -al), its caches left out',
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const withoutP95 = ({ p95: _, ...rest }: Summary): Omit<Summary, 'p95'> => rest;

export function scaleRows(s: ScaleResult): Row[] {
  return [
    {
      section: 'Build scaling',
      metric: `astro build, real catalogue (${s.real.providers} providers, ${s.real.guidePages} guide pages)`,
      unit: 's',
      ...withoutP95(s.real.seconds),
      compared: 'median',
      target: null,
      note: `${s.real.pages} pages built`,
    },
    {
      section: 'Build scaling',
      metric: `astro build, +${s.synthetic.added} synthetic providers (${s.synthetic.providers} providers, ${s.synthetic.guidePages} guide pages)`,
      unit: 's',
      ...withoutP95(s.synthetic.seconds),
      compared: 'median',
      target: null,
      note: `${s.synthetic.pages} pages built`,
    },
    {
      section: 'Build scaling',
      metric: 'Build time ratio, synthetic / real (medians)',
      unit: '×',
      n: s.runs,
      median: s.ratio,
      min: s.synthetic.seconds.min / s.real.seconds.max,
      max: s.synthetic.seconds.max / s.real.seconds.min,
      compared: 'median',
      target: { kind: 'max', value: SCALE_RATIO_TARGET },
      note: `guide pages ×${(s.synthetic.guidePages / Math.max(1, s.real.guidePages)).toFixed(1)}`,
    },
  ];
}
