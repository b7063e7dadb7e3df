/**
 * Conformance: the generator's outputs for the release under test (`generate(spec, CODEX_RELEASE)`),
 * checked against that real Codex CLI (the pinned release, or CODEX_RELEASE): each release checks
 * its own output, name rule and messages (src/lib/codex).
 * - hand-written valid cases: command route (bash + `codex mcp add`) and TOML route both give the
 *   hand-written intended table, and `codex mcp get --json` agrees;
 * - invalid specs: the core flags the field, and the CLI rejects the same input where it has a rule;
 * - property-based samples (fast-check, fixed seed, CONFORMANCE_SEED / CONFORMANCE_RUNS override).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODEX_NEWEST, nameRefusal } from '../../src/lib/codex/index.ts';
import { generate } from '../../src/lib/generator/generate.ts';
import { anyName, samples } from '../support/arbitraries.ts';
import {
  cleanupHomes,
  codex,
  CODEX_RELEASE,
  CONCURRENCY,
  freshDir,
  pool,
  RELEASE_FACTS,
  writeConfig,
} from '../support/codex.ts';
import { checkConformance, specOf } from '../support/conformance.ts';
import { VALID_CASES } from './cases.ts';
import { INVALID_CASES } from './invalid-cases.ts';

const SEED = Number(process.env['CONFORMANCE_SEED'] ?? 20_260_501);
const RUNS = Number(process.env['CONFORMANCE_RUNS'] ?? 200);
const NAME_RUNS = Number(process.env['CONFORMANCE_NAME_RUNS'] ?? 60);
const started = Date.now();
let processes = 0;
const ran = { valid: 0, invalid: 0, property: 0, names: 0 };

beforeAll(async () => {
  const r = await codex(['--version'], freshDir('version'));
  expect(r.stdout.trim(), 'the CLI under test is the release asked for').toBe(
    `codex-cli ${CODEX_RELEASE}`,
  );
  console.log(
    `conformance: codex-cli ${CODEX_RELEASE}${CODEX_RELEASE === CODEX_NEWEST ? ' (pinned)' : ''}, fast-check seed ${SEED} (override with CONFORMANCE_SEED), ${RUNS} property runs, concurrency ${CONCURRENCY}`,
  );
});

afterAll(() => {
  cleanupHomes();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `conformance: ${VALID_CASES.length + INVALID_CASES.length} hand-written cases (${VALID_CASES.length} valid, ${INVALID_CASES.length} invalid), ` +
      `${RUNS} property cases (+${NAME_RUNS} name-rule samples), seed ${SEED}; ran ${ran.valid}/${ran.invalid}/${ran.property}/${ran.names}, ` +
      `${processes} codex/bash processes in ${seconds} s`,
  );
});

describe('hand-written valid cases', () => {
  it('has at least 40 cases with distinct names', () => {
    expect(VALID_CASES.length).toBeGreaterThanOrEqual(40);
    const names = VALID_CASES.map((c) => (c.spec.name ?? '').trim());
    expect(new Set(names).size).toBe(names.length);
  });

  for (const c of VALID_CASES) {
    it.concurrent(`${c.spec.name ?? ''} — ${c.proves}`, async () => {
      const report = await checkConformance(specOf(c.spec), c.intended, {
        mode: c.mode,
        verifyLine: true,
        projectLayer: true,
        alsoSh: true,
      });
      processes += report.processes;
      ran.valid += 1;
    });
  }
});

describe('invalid specs: the core and the CLI reject the same things', () => {
  for (const c of INVALID_CASES) {
    it.concurrent(`${JSON.stringify(c.spec.name)} — ${c.proves}`, async () => {
      const g = generate(specOf(c.spec), CODEX_RELEASE);
      expect(g.outputs, 'no outputs for an invalid spec').toBeNull();
      const fields = g.diagnostics.filter((d) => d.severity === 'error').map((d) => d.field);
      expect(fields, 'error diagnostics name the field').toContain(c.field);

      const evidence = c.cli;
      if (evidence.kind === 'add-rejects') {
        const r = await codex(evidence.argv, freshDir('reject-add'));
        processes += 1;
        expect(r.code, `codex ${JSON.stringify(evidence.argv)} must fail`).not.toBe(0);
        expect(r.stderr).toMatch(evidence.stderr);
      } else if (evidence.kind === 'load-rejects') {
        const home = freshDir('reject-load');
        writeConfig(home, evidence.toml);
        const r = await codex(['mcp', 'get', evidence.name, '--json'], home);
        processes += 1;
        expect(r.code, `loading ${JSON.stringify(evidence.toml)} must fail`).not.toBe(0);
        expect(r.stderr).toMatch(evidence.stderr);
      } else if (evidence.kind === 'codex-accepts') {
        // The core is stricter than Codex here on purpose (evidence.why); pin Codex's behaviour.
        const home = freshDir('accepts');
        if (evidence.argv) {
          const r = await codex(evidence.argv, home);
          processes += 1;
          expect(r.code, `codex ${JSON.stringify(evidence.argv)} is accepted by Codex`).toBe(0);
        }
        if (evidence.toml) {
          writeConfig(home, evidence.toml.text);
          const r = await codex(['mcp', 'get', evidence.toml.name, '--json'], home);
          processes += 1;
          expect(r.code, `Codex loads ${JSON.stringify(evidence.toml.text)}`).toBe(0);
        }
      } else {
        expect(evidence.why).not.toBe('');
      }
      ran.invalid += 1;
    });
  }
});

describe('property: the name rule is the CLI rule', () => {
  // The core, asked for the release under test, follows that release's rule from the table, and
  // the release refuses exactly those names, word for word.
  const rule = RELEASE_FACTS.nameRule;
  it(`agrees with codex mcp add on ${NAME_RUNS} random names`, async () => {
    const names = fc.sample(anyName, { seed: SEED, numRuns: NAME_RUNS });
    const disagreements: string[] = [];
    await pool(names, CONCURRENCY, async (raw) => {
      const name = raw.trim();
      const g = generate(specOf({ name: raw, transport: 'stdio', command: 'run' }), CODEX_RELEASE);
      const coreOk = !g.diagnostics.some((d) => d.field === 'name' && d.severity === 'error');
      // A leading "-" is read by clap as an option ("-" and "--" even slip through as positionals);
      // the core refuses those names outright because the generated command would be ambiguous.
      if (name.startsWith('-')) {
        if (coreOk)
          disagreements.push(`${JSON.stringify(raw)}: core accepts a name starting with "-"`);
        return;
      }
      const r = await codex(['mcp', 'add', name, '--', 'run'], freshDir('name'));
      processes += 1;
      ran.names += 1;
      const cliOk = r.code === 0;
      const first = r.stderr.split('\n')[0] ?? '';
      if (coreOk !== cliOk)
        disagreements.push(
          `${JSON.stringify(raw)}: core ${coreOk ? 'accepts' : 'rejects'}, codex ${CODEX_RELEASE} exit ${r.code}: ${first}`,
        );
      if (rule.pattern.test(name) !== cliOk)
        disagreements.push(
          `${JSON.stringify(raw)}: codex ${CODEX_RELEASE} exit ${r.code}: ${first}`,
        );
      else if (!cliOk && !r.stderr.includes(nameRefusal(name, rule)))
        disagreements.push(`${JSON.stringify(raw)}: refused with ${JSON.stringify(first)}`);
    });
    expect(disagreements).toEqual([]);
  });
});

describe('property: random valid configs, CLI route = TOML route = intended table', () => {
  it(
    `holds for ${RUNS} random configs (seed ${SEED})`,
    async () => {
      const cases = fc.sample(samples, { seed: SEED, numRuns: RUNS });
      const failures: string[] = [];
      const modes = { full: 0, partial: 0, 'toml-only': 0 };
      await pool(cases, CONCURRENCY, async (sample, i) => {
        try {
          const report = await checkConformance(sample.spec, sample.intended, {
            projectLayer: true,
          });
          processes += report.processes;
          modes[report.mode] += 1;
          ran.property += 1;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const { actual, expected } = (error ?? {}) as { actual?: unknown; expected?: unknown };
          const diff =
            actual === undefined
              ? ''
              : `\nactual:   ${JSON.stringify(actual)}\nexpected: ${JSON.stringify(expected)}`;
          failures.push(
            `#${i} (seed ${SEED}) ${JSON.stringify(sample.name)}\nspec: ${JSON.stringify(sample.spec)}\nintended: ${JSON.stringify(sample.intended)}\n${message}${diff}`,
          );
        }
      });
      console.log(`conformance: property modes ${JSON.stringify(modes)}`);
      // Full details of the first failures (replay with CONFORMANCE_SEED=<seed>; #i is the sample index).
      for (const f of failures.slice(0, 5)) console.error(`conformance: property failure ${f}`);
      expect(
        failures.slice(0, 5).join('\n\n'),
        `${failures.length} of ${RUNS} random configs failed`,
      ).toBe('');
      // Every route must actually have been exercised by the random sample.
      expect(modes.full).toBeGreaterThan(0);
      expect(modes.partial).toBeGreaterThan(0);
      expect(modes['toml-only']).toBeGreaterThan(0);
      // ~5 codex/bash processes per sample: allow 5 s per sample (a shared two-core machine at load 20 needs 2.5+).
    },
    Math.max(120_000, RUNS * 5_000),
  );
});
