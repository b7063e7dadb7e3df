/**
 * Lookalike hosts, judged by the real CLI. A link or a paste can put a host in a field whose text
 * shows another (`evil.com?.omniapp.co`, `a\@b`, `a?@b`, `b@a`). The page reads such a value the way
 * WHATWG URL does and names the host Codex would reach, in the refusal at the field or the link's
 * notice, or as a caution when the value is applied. Here Codex itself is given each URL, with a
 * listener on both hosts the text names, and must reach exactly the host the page named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultForm, endpointOf, fillEndpoint } from '../../../src/lib/input/form-state.ts';
import { providerSchema, type Provider } from '../../../src/lib/input/provider-schema.ts';
import { decodeShare } from '../../../src/lib/share/share.ts';
import { CODEX, CODEX_RELEASE, freshDir, ROOT } from '../../support/codex.ts';
import { runInNetns } from '../../support/netns.ts';
import { baseEnv, runtimeSkip } from './harness.ts';
import type { HostCase, HostPlan, HostResult } from './host-runner.ts';

const skip = runtimeSkip();

const load = (id: string): Provider =>
  providerSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'content', 'providers', `${id}.json`), 'utf8')),
  );

interface Lookalike {
  provider: string;
  mode?: string;
  key: string;
  /** The field's value; `A` and `B` stand for the case's two listeners. */
  value: string;
}

// The shapes the issue reported (`?`, `#`, `\`, `?@`, `\@` before the vendor's domain), and the ones
// where the text names one listener and WHATWG picks the other (both directions).
const SHAPES = ['B?.DOMAIN', 'B#.DOMAIN', 'B\\.DOMAIN', 'B?@x.DOMAIN', 'B\\@x.DOMAIN'];
const BOTH = ['A\\@B', 'A?@B', 'A#@B', 'B@A'];
const LOOKALIKES: Lookalike[] = [
  // A plain host outside the vendor's domain: applied, with a caution naming it.
  ...[...SHAPES, ...BOTH, 'B'].map((v) => ({
    provider: 'omni',
    mode: 'api-key',
    key: 'instance',
    value: v.replace('DOMAIN', 'omniapp.co'),
  })),
  ...BOTH.map((value) => ({ provider: 'cinatra', key: 'instance', value })),
  ...[
    'https://A\\@B/mcp',
    'https://A?@B/mcp',
    'https://A#@B/mcp',
    'https://mcp.example.com@A/mcp',
  ].map((value) => ({ provider: 'custom', key: 'url', value })),
];

const PORT0 = 7400;
const cases = LOOKALIKES.map((l, i) => {
  const a = `127.0.0.1:${PORT0 + 2 * i}`;
  const b = `127.0.0.2:${PORT0 + 2 * i + 1}`;
  const value = l.value.replace('A', a).replace('B', b);
  const provider = load(l.provider);
  const template = endpointOf(provider, defaultForm(provider, l.mode)).url;
  const link = `v=1${l.mode ? `&mode=${l.mode}` : ''}&p.${l.key}=${encodeURIComponent(value)}`;
  return {
    id: `${l.provider}-${i}`,
    l,
    value,
    provider,
    link,
    url: fillEndpoint(template, { [l.key]: value }),
    listen: [a, b],
  };
});

/** What the page tells a reader who opens the link: its notices (a refused value) and cautions (an applied one). */
function pageSays(c: (typeof cases)[number]): string {
  const d = decodeShare(c.provider, c.link);
  return [...d.notices, ...d.cautions].join('\n');
}

describe.skipIf(skip)(
  `lookalike hosts reach the host the page names (codex ${CODEX_RELEASE})`,
  () => {
    let results: HostResult[] = [];
    it('codex reaches exactly the host WHATWG URL names, which is the host the page names', async () => {
      const plan: HostPlan = {
        codex: CODEX,
        home: freshDir('lookalike'),
        env: baseEnv(freshDir('lookalike-env')),
        cases: cases.map((c): HostCase => ({ id: c.id, url: c.url, listen: c.listen })),
      };
      results = await runInNetns<HostResult[]>(
        join(import.meta.dirname, 'host-runner.ts'),
        plan,
        240_000,
      );
      for (const c of cases) {
        const r = results.find((x) => x.id === c.id)!;
        const host = new URL(c.url).host;
        // Codex connected to one listener: the WHATWG host.
        expect(r.reached, `${c.id} ${c.url}\n${r.output}`).toEqual([host]);
        // The page named that host: "Codex would connect to HOST" when it refused the value, or a
        // caution naming its address when it applied it.
        const says = pageSays(c);
        const named =
          says.includes(`Codex would connect to ${host}`) ||
          says.includes(`at ${new URL(c.url).hostname},`) ||
          says.includes(`reaches the host ${new URL(c.url).hostname}`);
        expect(named, `${c.id}: the page should name ${host} for ${c.value}\n${says}`).toBe(true);
      }
    }, 300_000);
  },
);
