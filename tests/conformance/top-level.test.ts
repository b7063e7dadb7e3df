/**
 * Every top-level key the doctor judges by type (src/lib/codex/top-level-types.ts), against the
 * real CLI of the release under test (CODEX_RELEASE): a few values of the wrong type (or out of
 * range) per key, each in its own CODEX_HOME with one server, read with `codex mcp get NAME --json`.
 * The doctor and the CLI must agree on every one: both load it, or both refuse it at the same key
 * in the same words (and at the same line, where the release names one). One file with a right
 * value for every key must load, with every key judged.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { diagnoseConfig } from '../../src/lib/doctor/index.ts';
import {
  FURTHER_RULES,
  TOP_LEVEL_TYPES,
  type ScalarType,
} from '../../src/lib/codex/top-level-types.ts';
import { CHANGES, inRange, refusalCause } from '../../src/lib/codex/index.ts';
import {
  cleanupHomes,
  codex,
  CODEX_RELEASE,
  CONFIG_REFUSED,
  freshDir,
  writeConfig,
} from '../support/codex.ts';

const SERVER = '[mcp_servers.docs]\ncommand = "npx"\n';

/** Values to try per type: wrong types, and for the integers the edges of each range. */
const TRIES: Record<'string' | 'boolean' | 'integer' | 'strings', string[]> = {
  string: ['5', 'true', '1.5', '["a"]', '{ a = 1 }', '-0.0', '0x10', '1e21'],
  boolean: ['"true"', '1', '["x"]', '{ a = 1 }', '1979-05-27T07:32:00Z', '"a\\"b\\u00e9\\t"'],
  integer: ['"5"', 'true', '5.0', '-1', '70000', '[1]', '{ a = 1 }', '1979-05-27', '65536', '0'],
  strings: ['"x"', '[1]', '["a", 2]', '{ a = 1 }', '[["a"]]', 'true', '[1.5]', '["a", nan]'],
};
const RIGHT: Record<keyof typeof TRIES, string> = {
  string: '"ok"',
  boolean: 'true',
  integer: '5',
  strings: '["a", "b"]',
};
const family = (t: ScalarType): keyof typeof TRIES =>
  t === 'a string' ? 'string' : t === 'a boolean' ? 'boolean' : t === 'strings' ? t : 'integer';

/** Each key with its share of the values of its type (every value is tried by some key). */
function cases(): { key: string; value: string }[] {
  const seen: Record<string, number> = {};
  const out: { key: string; value: string }[] = [];
  for (const [key, type] of Object.entries(TOP_LEVEL_TYPES)) {
    const f = family(type);
    const list = TRIES[f];
    const per = f === 'string' ? 2 : 3;
    for (let n = 0; n < per; n++) {
      const i = (seen[f] = (seen[f] ?? -1) + 1);
      out.push({ key, value: list[i % list.length] as string });
    }
  }
  return out;
}

afterAll(() => cleanupHomes());

describe(`top-level keys judged by type agree with Codex ${CODEX_RELEASE}`, () => {
  for (const { key, value } of cases()) {
    it.concurrent(`${key} = ${value}`, async () => {
      const text = `# a comment\n${key} = ${value}\n\n${SERVER}`;
      const home = freshDir(`top-${key}`);
      writeConfig(home, text);
      const r = await codex(['mcp', 'get', 'docs', '--json'], home);
      const report = diagnoseConfig(text, { release: CODEX_RELEASE });
      const cliLoads = !CONFIG_REFUSED.test(r.stderr);
      expect(report.loads, `${text}\n${r.stderr}\n${report.summary}`).toBe(cliLoads);
      if (cliLoads) {
        expect(report.unchecked).toEqual(FURTHER_RULES.has(key) ? [key] : []);
        return;
      }
      const cli = refusalCause(r.stderr);
      expect(cli, r.stderr).not.toBeNull();
      const [f] = report.file;
      expect(report.file).toHaveLength(1);
      expect({ path: f?.codexPath, message: f?.codexMessage, line: f?.line }).toEqual({
        path: cli?.path,
        message: cli?.message,
        line: 2,
      });
      // Releases before CHANGES.bootstrapMessage name the place too ("config.toml:2:24: …", in
      // words of its own: a date there is called a map): the same line.
      if (inRange(CODEX_RELEASE, { before: CHANGES.bootstrapMessage.since })) {
        const at = /config\.toml:(\d+):\d+: /.exec(r.stderr);
        expect(Number(at?.[1]), r.stderr).toBe(2);
      }
    });
  }

  it('a right value for every key loads, and every key is judged', async () => {
    const keys = Object.keys(TOP_LEVEL_TYPES).filter((k) => !FURTHER_RULES.has(k));
    const text = `${keys.map((k) => `${k} = ${RIGHT[family(TOP_LEVEL_TYPES[k] as ScalarType)]}`).join('\n')}\n\n${SERVER}`;
    const home = freshDir('top-right');
    writeConfig(home, text);
    const r = await codex(['mcp', 'get', 'docs', '--json'], home);
    expect(r.code, `${text}\n${r.stderr}`).toBe(0);
    const report = diagnoseConfig(text, { release: CODEX_RELEASE });
    expect(report.loads).toBe(true);
    expect(report.file).toEqual([]);
    expect(report.unchecked).toEqual([]);
  });
});
