/**
 * The runtime matrix: every provider × every auth mode that is not an interactive browser sign-in
 * (plus the custom generator's header and stdio routes), turned into generated outputs with known
 * test secrets, and the headers or environment each route promises; and the check that a session
 * of one of them delivered exactly that (routes.test.ts, plugins.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { basicAuthorization } from '../../../src/lib/generator/basic-auth.ts';
import { generate, type Outputs } from '../../../src/lib/generator/generate.ts';
import { isStdio } from '../../../src/lib/generator/model.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import {
  defaultForm,
  specFromForm,
  type FormState,
  type Provider,
} from '../../../src/lib/input/provider.ts';
import { CODEX_RELEASE, ROOT } from '../../support/codex.ts';
import type { RecordedRequest } from '../../support/fake-mcp.ts';
import { NODE } from '../../support/netns.ts';
import { baseEnv, expectListed, expectStdioEnv, promisedPart, STDIO_SCRIPT } from './harness.ts';
import type { CaseResult, PlanCase } from './plan.ts';

/** The file (relative to Codex's working directory) the fake stdio server writes its environment to. */
export const STDIO_RECORD = 'stdio-env.json';
const STDIO_RECORD_PATTERN = `^${STDIO_RECORD.replace(/\./g, '\\.')}$`;

/** One generated configuration to run. */
export interface Variant {
  id: string;
  provider: string;
  mode: string;
  outputs: Outputs;
  /** Variables the person sets beyond the generated env lines (env_http_headers they listed). */
  extraExports: Record<string, string>;
  /** Remote: header name (lower case) → exact value Codex must send; nothing else may arrive. */
  headers: Record<string, string>;
  /** Stdio: variables from `env` and `env_vars` the server must see, with values. */
  serverEnv: Record<string, string>;
}

/** Every provider data file, validated. */
export function loadProviders(): Provider[] {
  const dir = join(ROOT, 'content', 'providers');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => providerSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

function variantFrom(
  provider: Provider,
  id: string,
  form: FormState,
  extra: Partial<Variant> = {},
): Variant {
  // Generated for the release under test, as the page does when the reader picks it.
  const { outputs, diagnostics } = generate(specFromForm(provider, form), CODEX_RELEASE);
  if (!outputs)
    throw new Error(`${id}: the preset does not generate: ${JSON.stringify(diagnostics)}`);
  const headers: Record<string, string> = {};
  const entry = outputs.entry;
  if (!isStdio(entry)) {
    for (const [k, v] of Object.entries(entry.http_headers ?? {})) headers[k.toLowerCase()] = v;
  }
  return {
    id,
    provider: provider.id,
    mode: form.mode,
    outputs,
    extraExports: {},
    headers,
    serverEnv: {},
    ...extra,
  };
}

/**
 * Builds the matrix. `nodeBin` and `stdioScript` point the custom stdio preset at the fake stdio server,
 * which writes what it saw to `stdio-env.json` in the directory Codex was started from.
 */
export function buildMatrix(
  providers: readonly Provider[],
  nodeBin: string,
  stdioScript: string,
): Variant[] {
  const out: Variant[] = [];
  for (const p of providers) {
    for (const mode of p.authModes) {
      if (mode.kind === 'oauth') continue;
      const id = `${p.id}.${mode.id}`;
      const form = defaultForm(p, mode.id);
      // Example hosts are placeholders the generator refuses (YOUR-INSTANCE...); the harness points `url` at the fake server anyway.
      form.params = Object.fromEntries(
        Object.entries(form.params).map(([k, v]) => [k, v.replace(/YOUR-[A-Z-]+/g, 'acme.test')]),
      );
      form.secret = `secret-${p.id}-${mode.id}`;
      if (mode.kind === 'bearer') {
        const v = variantFrom(p, id, form);
        v.headers['authorization'] = `Bearer ${form.secret}`;
        out.push(v);
        // Every optional header the provider documents, filled in: Codex must send them next to the bearer.
        if (p.headers.some((h) => !h.modes || h.modes.includes(mode.id))) {
          const all = {
            ...form,
            headers: Object.fromEntries(
              p.headers.map((h) => [h.name, h.type === 'boolean' ? 'true' : `v-${h.name}`]),
            ),
          };
          const w = variantFrom(p, `${id}+headers`, all);
          w.headers['authorization'] = `Bearer ${form.secret}`;
          out.push(w);
        }
      } else if (mode.kind === 'basic') {
        form.user = 'someone@example.com';
        const expected = basicAuthorization(form.user, form.secret);
        const v = variantFrom(p, `${id}.env`, form);
        v.headers['authorization'] = expected;
        out.push(v);
        out.push(variantFrom(p, `${id}.inline`, { ...form, storage: 'inline' }));
      } else if (mode.kind === 'header') {
        const v = variantFrom(p, `${id}.env`, form);
        v.headers[mode.header.toLowerCase()] = mode.prefix + form.secret;
        out.push(v);
        out.push(variantFrom(p, `${id}.inline`, { ...form, storage: 'inline' }));
      } else if (mode.kind === 'none') {
        out.push(variantFrom(p, id, form));
        if (p.customHeaders) {
          const h = {
            ...form,
            httpHeaders: 'X-Team: data\nX-Trace: on',
            envHeaders: 'X-Api-Key: CUSTOM_API_KEY',
          };
          const v = variantFrom(p, `${id}+headers`, h, {
            extraExports: { CUSTOM_API_KEY: 'api-key-from-env' },
          });
          v.headers['x-api-key'] = 'api-key-from-env';
          out.push(v);
        }
      } else if (mode.kind === 'stdio') {
        const stdio = {
          ...form,
          command: nodeBin,
          args: `${stdioScript}\n${STDIO_RECORD}`,
          env: 'API_KEY=literal-from-env-table\nLOG_LEVEL=debug',
          envVars: 'PASSED_THROUGH',
        };
        out.push(
          variantFrom(p, id, stdio, {
            serverEnv: {
              API_KEY: 'literal-from-env-table',
              LOG_LEVEL: 'debug',
              PASSED_THROUGH: 'from-parent',
            },
          }),
        );
      }
    }
  }
  return out;
}

/** The providers, and the matrix the runtime files run (the stdio preset runs the fake server). */
export function runtimeMatrix(): { providers: Provider[]; variants: Variant[] } {
  const providers = loadProviders();
  return { providers, variants: buildMatrix(providers, NODE, STDIO_SCRIPT) };
}

/** One variant in a session: its plan, home (where Codex starts), environment, requests' prefix. */
export interface MatrixCase {
  plan: PlanCase;
  variant: Variant;
  home: string;
  env: Record<string, string>;
  prefix: string;
}

/**
 * The case that runs `argv` for variant `v` in `home`, with the base environment. A local server's
 * record must exist before the one-word turn ends the session: the runner holds the model's answer
 * until the fake stdio server has written it (at most 30 s).
 */
export function matrixCase(
  v: Variant,
  o: { id: string; argv: string[]; home: string; prefix: string; timeoutMs: number },
): MatrixCase {
  const env = baseEnv(o.home);
  return {
    plan: {
      id: o.id,
      argv: o.argv,
      env,
      cwd: o.home,
      timeoutMs: o.timeoutMs,
      ...(isStdio(v.outputs.entry) && {
        awaitFiles: { dir: o.home, pattern: STDIO_RECORD_PATTERN, count: 1, maxMs: 30_000 },
      }),
    },
    variant: v,
    home: o.home,
    env,
    prefix: o.prefix,
  };
}

/**
 * What reached the server in one matrix case's session `r`, which must have ended well: a local
 * server saw exactly what the variant promises (and, with `startedInHome`, started in `home`); a
 * remote one was started and listed, and every request it got (`requests` under the case's prefix)
 * carried exactly the promised headers.
 */
export function expectDelivered(
  c: MatrixCase,
  r: CaseResult,
  requests: (prefix: string) => RecordedRequest[],
  startedInHome = false,
): void {
  const transcript = `--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  expect(r.code, transcript).toBe(0);
  if (isStdio(c.variant.outputs.entry)) {
    const file = join(c.home, STDIO_RECORD);
    expect(existsSync(file), `the stdio server never started\n${transcript}`).toBe(true);
    const seen = JSON.parse(readFileSync(file, 'utf8')) as {
      env: Record<string, string>;
      cwd: string;
    };
    if (startedInHome) expect(seen.cwd).toBe(c.home);
    expectStdioEnv(seen.env, c.env, c.variant.serverEnv);
    return;
  }
  const reqs = requests(c.prefix);
  expectListed(reqs, transcript);
  for (const q of reqs)
    expect(promisedPart(q.headers), `${q.method} ${q.rpc ?? ''}`).toEqual(c.variant.headers);
}
