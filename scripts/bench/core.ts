/**
 * Measurement 3: the generator core, `generate(spec)` (every output for one input), in Node.
 * Specs: each provider's default form (as the island starts) and one heavy spec. Median of the
 * per-batch mean time per call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../src/lib/generator/generate.ts';
import type { ServerSpec } from '../../src/lib/generator/model.ts';
import { defaultForm, specFromForm, type Provider } from '../../src/lib/input/provider.ts';
import { providerSchema } from '../../src/lib/input/provider-schema.ts';
import { summarize, type Row, type Summary } from './stats.ts';

export const CORE_MEDIAN_TARGET_US = 50;

/** Every provider in the catalogue, validated (defaults applied) exactly as the content collection does. */
export function loadProviders(dir: string): Provider[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => providerSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

/**
 * A heavy but valid spec: the "any server" provider with a bearer token, `headers` headers (half
 * literal, half env-sourced), `tools` tool names (half allowed, half blocked), timeouts, not
 * enabled and required.
 */
export function heavySpec(
  providers: readonly Provider[],
  headers: number,
  tools: number,
): { label: string; spec: ServerSpec } {
  const custom = providers.find((p) => p.customHeaders) ?? providers[0]!;
  const mode = custom.authModes.find((m) => m.kind === 'bearer') ?? custom.authModes[0]!;
  const form = defaultForm(custom, mode.id);
  const n = (k: number) => String(k).padStart(2, '0');
  const spec = specFromForm(custom, {
    ...form,
    // The catalogue's examples hold placeholders (YOUR-SERVER) that are errors until replaced, as a
    // reader replaces them; left in, the heavy spec would time the error path (no outputs at all).
    params: Object.fromEntries(
      Object.entries(form.params).map(([k, v]) => [k, v.replace(/YOUR-[A-Z-]+/g, 'acme')]),
    ),
    name: 'heavy-server_01',
    secret: 'example-token-value',
    httpHeaders: Array.from(
      { length: headers / 2 },
      (_, i) => `X-Static-${n(i)}: value ${i} with spaces "quotes" and \\ backslash`,
    ).join('\n'),
    envHeaders: Array.from(
      { length: headers / 2 },
      (_, i) => `X-Env-${n(i)}: HEADER_VAR_${n(i)}`,
    ).join('\n'),
    enabledTools: Array.from({ length: tools / 2 }, (_, i) => `tool_allowed_${n(i)}`).join(', '),
    disabledTools: Array.from({ length: tools / 2 }, (_, i) => `tool_blocked_${n(i)}`).join(', '),
    startupTimeoutSec: '120',
    toolTimeoutSec: '300',
    enabled: false,
    required: true,
  });
  const errors = generate(spec).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new Error(`the heavy spec is invalid: ${errors.map((d) => d.message).join('; ')}`);
  return { label: `heavy: ${custom.id}, ${headers} headers, ${tools} tools`, spec };
}

export interface CoreRun {
  label: string;
  /** Per-batch mean µs per call. */
  perCall: Summary;
  batches: number;
  callsPerBatch: number;
  outputChars: number;
  errors: number;
}

/** A keystroke's change to the spec, call `i` of batch `b`: each call sees a value it has not seen. */
type Vary = (spec: ServerSpec, tag: string) => ServerSpec;

/** A keystroke in the server name: generate() keeps the rest of its last answer. */
const newName: Vary = (spec, tag) => ({ ...spec, name: `${spec.name}-${tag}` });
/** A keystroke in one header's value: a field whose checks and renderings are all redone. */
const newHeaderValue: Vary = (spec, tag) => ({
  ...spec,
  httpHeaders: spec.httpHeaders.map((p, i) => (i === 0 ? { ...p, value: `${p.value} ${tag}` } : p)),
});

function timeSpec(
  label: string,
  spec: ServerSpec,
  batches: number,
  calls: number,
  vary?: Vary,
): CoreRun {
  const first = generate(spec);
  let sink = 0;
  // With `vary`, each call has a new value in one field, as a keystroke there gives: the strings
  // that hold it are new to generate()'s caches on every call.
  const specs = vary
    ? Array.from({ length: calls }, (_, i) => vary(spec, String(i)))
    : Array.from({ length: calls }, () => spec);
  // Warm up: let the JIT settle on this spec's shapes.
  for (let i = 0; i < calls; i++) sink += generate(specs[i]!).outputs?.toml.length ?? 0;
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    if (vary) for (let i = 0; i < calls; i++) specs[i] = vary(spec, `${b}-${i}`);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) sink += generate(specs[i]!).outputs?.toml.length ?? 0;
    const ns = Number(process.hrtime.bigint() - t0);
    perCall.push(ns / calls / 1000);
  }
  if (sink === -1) console.log(sink); // keeps the results observable
  const o = first.outputs;
  return {
    label,
    perCall: summarize(perCall),
    batches,
    callsPerBatch: calls,
    outputChars: o
      ? o.toml.length +
        (o.cli.posix?.length ?? 0) +
        (o.cli.powershell?.length ?? 0) +
        (o.env ? o.env.posix.length + o.env.fish.length + o.env.powershell.length : 0) +
        (o.login?.length ?? 0) +
        o.verify.length
      : 0,
    errors: first.diagnostics.filter((d) => d.severity === 'error').length,
  };
}

export function measureCore(providersDir: string, batches: number, calls: number): CoreRun[] {
  const providers = loadProviders(providersDir);
  const specs = providers.map((p) => ({
    label: `${p.id} (default form)`,
    spec: specFromForm(p, defaultForm(p)),
  }));
  // A busy real-world entry, and a stress case well past what a guide reader would type.
  specs.push(heavySpec(providers, 10, 20), heavySpec(providers, 40, 80));
  const heavy = heavySpec(providers, 40, 80);
  return [
    ...specs.map(({ label, spec }) => timeSpec(label, spec, batches, calls)),
    timeSpec(`${heavy.label}, a new server name every call`, heavy.spec, batches, calls, newName),
    timeSpec(
      `${heavy.label}, a new value in one header every call`,
      heavy.spec,
      batches,
      calls,
      newHeaderValue,
    ),
  ];
}

export function coreRows(runs: readonly CoreRun[]): Row[] {
  return runs.map((r) => ({
    section: 'Generator core',
    metric: `generate(spec), ${r.label}`,
    unit: 'µs',
    n: r.batches,
    median: r.perCall.median,
    min: r.perCall.min,
    max: r.perCall.max,
    compared: 'median' as const,
    target: { kind: 'max' as const, value: CORE_MEDIAN_TARGET_US },
    note: `${r.batches}×${r.callsPerBatch} calls; ${r.outputChars} chars of output${r.errors ? `; ${r.errors} errors (no outputs)` : ''}`,
  }));
}
