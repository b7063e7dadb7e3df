/**
 * The troubleshooting page's table against the message record: every entry names messages the real
 * CLI printed (tests/conformance/recorded/messages-*.json), every message recorded for the page has an
 * entry, and every "apply the fix" link is a share link the generator reads without a notice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { decodeShare } from '../../../src/lib/share/share.ts';
import {
  codeParts,
  resolveTrouble,
  TROUBLE_ENTRIES,
  type MessageRecord,
} from '../../../src/lib/site/troubleshooting.ts';

const DIR = 'tests/conformance/recorded';
const records: Record<string, MessageRecord> = Object.fromEntries(
  readdirSync(DIR)
    .flatMap((f) => /^messages-(.+)\.json$/.exec(f)?.[1] ?? [])
    .map((source) => [
      source,
      JSON.parse(readFileSync(`${DIR}/messages-${source}.json`, 'utf8')) as MessageRecord,
    ]),
);
const custom = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
);

describe('troubleshooting entries', () => {
  it('every message an entry quotes is in the record', () => {
    const missing = resolveTrouble(records).flatMap((e) =>
      e.missing.map((k) => `${e.anchor}: ${k}`),
    );
    expect(
      missing,
      'the record no longer has these: rerun the runtime suite and fix the table',
    ).toEqual([]);
  });

  it('a message that leaves the record is reported, not dropped silently', () => {
    const without = structuredClone(records);
    delete without['troubleshoot']!.messages['oauth.keyring'];
    const entry = resolveTrouble(without).find((e) => e.anchor === 'oauth-keyring')!;
    expect(entry.missing).toEqual(['troubleshoot:oauth.keyring']);
    expect(entry.lines.map((l) => l.key)).toEqual(['troubleshoot:oauth.keyringCause']);
  });

  it('every message recorded for the page has an entry', () => {
    const used = new Set(TROUBLE_ENTRIES.flatMap((e) => e.messages));
    const uncovered = ['troubleshoot', 'startup', 'tui'].flatMap((source) =>
      Object.keys(records[source]!.messages)
        .filter((id) => !used.has(`${source}:${id}`))
        .map((id) => `${source}:${id}`),
    );
    expect(uncovered).toEqual([]);
  });

  it('anchors are unique and every entry has a meaning and a fix', () => {
    const anchors = TROUBLE_ENTRIES.map((e) => e.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const e of TROUBLE_ENTRIES) {
      expect(e.anchor).toMatch(/^[a-z0-9-]+$/);
      expect(e.messages.length, e.anchor).toBeGreaterThan(0);
      expect(e.meaning.length, e.anchor).toBeGreaterThan(20);
      expect(e.fix.length, e.anchor).toBeGreaterThan(20);
      // Balanced backticks, so no code span runs into the next sentence.
      expect(e.meaning.split('`').length % 2, e.anchor).toBe(1);
      expect(e.fix.split('`').length % 2, e.anchor).toBe(1);
    }
  });

  it('every generator link opens the custom generator with every parameter applied', () => {
    for (const e of TROUBLE_ENTRIES.filter((x) => x.link?.href.startsWith('/guides/'))) {
      const [path, fragment = ''] = e.link!.href.split('#');
      expect(path, e.anchor).toBe('/guides/custom/');
      const decoded = decodeShare(custom, fragment);
      expect(decoded.notices, e.anchor).toEqual([]);
      expect(decoded.ignored, e.anchor).toEqual([]);
      expect(decoded.applied.length, e.anchor).toBeGreaterThan(0);
    }
  });

  it('code spans split on backticks', () => {
    expect(codeParts('a `b` c')).toEqual([
      { code: false, text: 'a ' },
      { code: true, text: 'b' },
      { code: false, text: ' c' },
    ]);
  });
});
