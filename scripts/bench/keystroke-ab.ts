/**
 * Keystroke cost of two or more builds, back to back: `npx node scripts/bench/keystroke-ab.ts
 * --dists=/tmp/dist-main,dist [--names=main,branch] [--keys=100] [--rounds=2] [--guides=alloy,nekt]`.
 * On this shared machine the main thread's CPU per keystroke grows with the load average, so a
 * figure is only comparable with one measured beside it: for every guide, each build is typed into
 * in turn (traceKeystrokes, as `npm run bench` does), the order reversed every other round. Prints
 * each run, then per guide and build the mean over rounds of the runs' p50 and p95 (CPU and wall),
 * the ratio of each build's to the first's, and the load average through the run.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchChromium } from './browser.ts';
import { traceKeystrokes, type KeystrokeTraceRun } from './keystroke-trace.ts';
import { serveDistCompressed } from './serve.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dists = (arg('dists') ?? '').split(',').filter(Boolean);
if (dists.length === 0) throw new Error('--dists=DIR[,DIR…] is required (built sites to compare)');
const names = arg('names')?.split(',') ?? dists;
const keys = Number(arg('keys') ?? 100);
const rounds = Number(arg('rounds') ?? 2);
const guides =
  arg('guides')?.split(',') ??
  readdirSync('content/providers')
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

const servers = await Promise.all(dists.map((d) => serveDistCompressed(d)));
const browser = await launchChromium();
const runs = new Map<string, KeystrokeTraceRun[]>();
const loads: number[] = [loadavg()[0] ?? 0];
const ms = (n: number) => n.toFixed(2);
try {
  for (const guide of guides)
    for (let round = 0; round < rounds; round++) {
      const order = dists.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const i of order) {
        const r = await traceKeystrokes(browser, servers[i]!.url, `/guides/${guide}/`, keys);
        const key = `${guide}\t${names[i]}`;
        runs.set(key, [...(runs.get(key) ?? []), r]);
        loads.push(loadavg()[0] ?? 0);
        console.log(
          `${guide} ${names[i]} round ${round}: CPU p50 ${ms(r.cpu.median)} p95 ${ms(r.cpu.p95)}, wall p50 ${ms(r.wall.median)} p95 ${ms(r.wall.p95)} (load ${r.load.map((l) => l.toFixed(1)).join('→')}); ${r.inside
            .slice(0, 7)
            .map((x) => `${x.name} ${ms(x.ms)}`)
            .join(', ')}`,
        );
      }
    }
} finally {
  await browser.close();
  for (const s of servers) s.close();
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  '\nper guide, mean over rounds of each run’s p50 / p95, ms (ratio to the first build):',
);
for (const guide of guides) {
  const of = (name: string) => {
    const rs = runs.get(`${guide}\t${name}`) ?? [];
    return {
      cpu50: mean(rs.map((r) => r.cpu.median)),
      cpu95: mean(rs.map((r) => r.cpu.p95)),
      wall50: mean(rs.map((r) => r.wall.median)),
      wall95: mean(rs.map((r) => r.wall.p95)),
    };
  };
  const first = of(names[0]!);
  const cells = names.map((n) => {
    const s = of(n);
    const ratio =
      n === names[0]
        ? ''
        : ` (${(s.cpu50 / first.cpu50).toFixed(2)}×/${(s.cpu95 / first.cpu95).toFixed(2)}×)`;
    return `${n}: CPU ${ms(s.cpu50)} / ${ms(s.cpu95)}${ratio}, wall ${ms(s.wall50)} / ${ms(s.wall95)}`;
  });
  console.log(`${guide.padEnd(18)} ${cells.join(' | ')}`);
}
console.log(
  `load average (1 min) through the run: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
);
