/** Merge preview: one server block spliced into an existing config.toml, everything else kept byte for byte. */
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { ServerEntry } from '../../../src/lib/generator/model.ts';
import { lineDiff } from '../../../src/lib/config-file/line-diff.ts';
import { mergeServer, mergeServers, sameValue } from '../../../src/lib/config-file/merge.ts';
import { splitLines } from '../../../src/lib/config-file/toml-scan.ts';
import { tomlBlock } from '../../../src/lib/generator/toml.ts';
import { cpu } from '../_support/cpu.ts';

const BLOCK = '[mcp_servers.docs]\ncommand = "new"\n';
const toml = (lines: string[]) => lines.join('\n') + '\n';

describe('mergeServer: adding a new server', () => {
  it.each([
    // An empty file becomes the block alone.
    ['empty file', '', BLOCK],
    // One blank line separates the block from the last line.
    ['file ending in a newline', 'model = "o3"\n', `model = "o3"\n\n${BLOCK}`],
    // A missing final newline is added, then the blank line.
    ['no final newline', 'model = "o3"', `model = "o3"\n\n${BLOCK}`],
    // An existing blank line at the end is reused, not doubled.
    ['already ends with a blank line', 'model = "o3"\n\n', `model = "o3"\n\n${BLOCK}`],
    // Comments and odd spacing stay exactly as they were.
    [
      'comments kept',
      '# top\nmodel   =   "o3"   # why\n\n[mcp_servers.other]  # note\ncommand="x"\n',
      `# top\nmodel   =   "o3"   # why\n\n[mcp_servers.other]  # note\ncommand="x"\n\n${BLOCK}`,
    ],
    // CRLF files get CRLF lines.
    [
      'CRLF',
      'a = 1\r\n[b]\r\nc = 2\r\n',
      `a = 1\r\n[b]\r\nc = 2\r\n\r\n${BLOCK.replace(/\n/g, '\r\n')}`,
    ],
    // A server whose name only starts the same is not a collision.
    [
      'prefix name',
      '[mcp_servers.docs2]\ncommand = "x"\n',
      `[mcp_servers.docs2]\ncommand = "x"\n\n${BLOCK}`,
    ],
    // [mcp_servers.docs.x] under a different server "docs.x"? No: a quoted "docs.x" is its own name.
    [
      'quoted dotted name',
      '[mcp_servers."docs.x"]\ncommand = "x"\n',
      `[mcp_servers."docs.x"]\ncommand = "x"\n\n${BLOCK}`,
    ],
  ])('%s', (_, existing, expected) => {
    const r = mergeServer(existing, 'docs', BLOCK);
    expect(r.error).toBeNull();
    expect(r.text).toBe(expected);
    expect(r.collision).toBe(false);
    expect(r.warnings).toEqual([]);
  });
});

describe('mergeServer: replacing an existing server', () => {
  it.each([
    // The header form: replaced in place, the comment above and the next table kept.
    [
      'header form',
      toml([
        '# the docs server',
        '[mcp_servers.docs]',
        'command = "old"',
        'startup_timeout_sec = 5',
        '',
        '# next',
        '[mcp_servers.other]',
        'url = "https://x"',
      ]),
      toml([
        '# the docs server',
        '[mcp_servers.docs]',
        'command = "new"',
        '',
        '# next',
        '[mcp_servers.other]',
        'url = "https://x"',
      ]),
      ['startup_timeout_sec'],
    ],
    // Sub-tables of the entry, even far away, go with it.
    [
      'sub-tables elsewhere',
      toml([
        '[mcp_servers.docs]',
        'command = "old"',
        '[other]',
        'k = 1',
        '[mcp_servers.docs.env]',
        'A = "b"',
        '[last]',
        'z = 2',
      ]),
      toml(['[mcp_servers.docs]', 'command = "new"', '[other]', 'k = 1', '[last]', 'z = 2']),
      ['env.A'],
    ],
    // Comments inside the old entry go; comments after its last key stay (they introduce what follows).
    [
      'inner and trailing comments',
      toml(['[mcp_servers.docs]', '# inner', 'command = "old"', '# trailing', '[x]', 'y = 1']),
      toml(['[mcp_servers.docs]', 'command = "new"', '# trailing', '[x]', 'y = 1']),
      [],
    ],
    // Quoted header of the same name.
    ['quoted header', toml(['[mcp_servers."docs"]', 'command = "old"']), BLOCK, []],
    // Dotted keys under [mcp_servers]: removed line by line, block appended.
    [
      'dotted keys',
      toml([
        '[mcp_servers]',
        'docs.command = "old"',
        'other = { command = "y" }',
        'docs.args = ["a"]',
        '[z]',
        'q = 1',
      ]),
      toml([
        '[mcp_servers]',
        'other = { command = "y" }',
        '[z]',
        'q = 1',
        '',
        '[mcp_servers.docs]',
        'command = "new"',
      ]),
      ['args'],
    ],
    // An inline table under [mcp_servers].
    [
      'inline table',
      toml(['[mcp_servers]', 'docs = { command = "old", cwd = "/srv" }']),
      toml(['[mcp_servers]', '', '[mcp_servers.docs]', 'command = "new"']),
      ['cwd'],
    ],
    // A multi-line array value goes as a whole.
    [
      'multi-line value',
      toml([
        '[mcp_servers.docs]',
        'command = "old"',
        'args = [',
        '  "a", # one',
        '  "b",',
        ']',
        '[k]',
        'v = 1',
      ]),
      toml(['[mcp_servers.docs]', 'command = "new"', '[k]', 'v = 1']),
      ['args'],
    ],
  ])('%s', (_, existing, expected, lost) => {
    const r = mergeServer(existing, 'docs', BLOCK);
    expect(r.error).toBeNull();
    expect(r.text).toBe(expected);
    expect(r.collision).toBe(true);
    expect(r.lostKeys).toEqual(lost);
    expect(r.warnings[0]).toMatch(/already exists.*replaces its whole entry.*codex mcp add docs/);
    if (lost.length > 0) expect(r.warnings.join('\n')).toContain(lost.join(', '));
  });

  it('reports changed values and removed comments', () => {
    const r = mergeServer(
      toml(['[mcp_servers.docs]', '# keep?', 'command = "old"']),
      'docs',
      BLOCK,
    );
    expect(r.changedKeys).toEqual(['command']);
    expect(r.warnings.join('\n')).toMatch(/1 comment line inside the old entry goes with it/);
  });

  it('replaces an entry whose name needs quoting', () => {
    const block = tomlBlock('a.b', { command: 'new' });
    const r = mergeServer(
      toml(['[mcp_servers."a.b"]', 'command = "old"', '[mcp_servers.a]', 'command = "kept"']),
      'a.b',
      block,
    );
    expect(r.text).toBe(
      toml(['[mcp_servers."a.b"]', 'command = "new"', '[mcp_servers.a]', 'command = "kept"']),
    );
  });
});

describe('mergeServer: refusals', () => {
  it.each([
    // The existing file must parse; the position is given.
    ['invalid existing file', '[mcp_servers.a\n', BLOCK, /not valid TOML \(line 1, column 15\)/],
    // The block must parse.
    ['invalid block', '', '[mcp_servers.docs\n', /block to merge is not valid TOML/],
    // The block must define exactly the named server.
    ['block for another name', '', '[mcp_servers.other]\ncommand = "x"\n', /exactly one table/],
    // Nothing but the server.
    ['block with extras', '', 'model = "x"\n' + BLOCK, /exactly one table/],
    // mcp_servers as an inline table cannot take a [mcp_servers.NAME] table.
    ['inline mcp_servers', 'mcp_servers = { other = { command = "y" } }\n', BLOCK, /inline table/],
    // mcp_servers of the wrong type.
    ['mcp_servers not a table', 'mcp_servers = 1\n', BLOCK, /not a table/],
  ])('%s', (_, existing, block, message) => {
    const r = mergeServer(existing, 'docs', block);
    expect(r.text).toBeNull();
    expect(r.error?.message).toMatch(message);
  });

  it('gives the line and column of a parse error', () => {
    expect(mergeServer('a = 1\nb = \n', 'docs', BLOCK).error).toMatchObject({ line: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random files of other tables and comments, with or without an entry for NAME.

interface Line {
  text: string;
  /** Part of the old entry for NAME (removed by the merge). */
  entry: boolean;
  /** A table header line (not a value line that merely looks like one). */
  header?: boolean;
}

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const comment = fc.oneof(
  word.map((w) => `# ${w}`),
  fc.constant('#'),
  fc.constant('   # indented'),
  fc.constant(''),
  fc.constant('# [mcp_servers.docs] (just a comment)'),
);
const value = fc.oneof(
  fc.integer().map(String),
  word.map((w) => JSON.stringify(w)),
  word.map((w) => `'${w} # not a comment'`),
  fc.array(word, { maxLength: 3 }).map((a) => JSON.stringify(a)),
  fc.constant('[\n  "x", # c\n  "y",\n]'),
  fc.constant('"""\n[mcp_servers.docs]\n"""'),
);
const keyval = (key: string, entry: boolean) =>
  value.map((v): Line[] =>
    v.split('\n').map((text, i) => ({ text: i === 0 ? `${key} = ${text}` : text, entry })),
  );

/** A table section: header, then key/values with comments between them (inside the section). */
function section(header: string, keys: string[], entry: boolean): fc.Arbitrary<Line[]> {
  return fc
    .tuple(...keys.map((k) => fc.tuple(fc.array(comment, { maxLength: 1 }), keyval(k, entry))))
    .map((kvs) => [
      { text: header, entry, header: true },
      ...kvs.flatMap(([cs, kv]) => [...cs.map((text) => ({ text, entry })), ...kv]),
    ]);
}

const NAMES = ['docs', 'a.b', 'my server', 'x@y/z'] as const;
const quoted = (name: string, quote: '"' | "'" | '') =>
  quote === '' && /^[A-Za-z0-9_-]+$/.test(name)
    ? name
    : quote === "'"
      ? `'${name}'`
      : JSON.stringify(name);

const fileArb = fc
  .record({
    name: fc.constantFrom(...NAMES),
    quote: fc.constantFrom<'"' | "'" | ''>('"', "'", ''),
    form: fc.constantFrom('none', 'header', 'header+sub', 'dotted', 'inline'),
    root: fc.uniqueArray(word, { maxLength: 2 }),
    others: fc.uniqueArray(word, { maxLength: 4 }),
    servers: fc.uniqueArray(word, { maxLength: 3 }),
    gaps: fc.array(fc.array(comment, { maxLength: 2 }), { minLength: 12, maxLength: 12 }),
    seed: fc.nat(),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .chain((r) => {
    const key = quoted(r.name, r.quote);
    const sections: fc.Arbitrary<Line[]>[] = [];
    for (const t of r.others) sections.push(section(`[t_${t}]`, ['k', 'other'], false));
    for (const s of r.servers) sections.push(section(`[mcp_servers.s_${s}]`, ['command'], false));
    if (r.form === 'header' || r.form === 'header+sub')
      sections.push(section(`[mcp_servers.${key}]`, ['command', 'startup_timeout_sec'], true));
    if (r.form === 'header+sub') sections.push(section(`[mcp_servers.${key}.env]`, ['A'], true));
    if (r.form === 'dotted' || r.form === 'inline') {
      const entryLines =
        r.form === 'dotted'
          ? fc
              .tuple(keyval(`${key}.command`, true), keyval(`${key}.args`, true))
              .map(([a, b]) => [...a, ...b])
          : fc.constant([{ text: `${key} = { command = "x" }`, entry: true }]);
      sections.push(
        fc
          .tuple(keyval('s_other', false), entryLines, fc.array(comment, { maxLength: 1 }))
          .map(([o, e, c]) => [
            { text: '[mcp_servers]', entry: false },
            ...o,
            ...c.map((text) => ({ text, entry: false })),
            ...e,
          ]),
      );
    }
    const roots = r.root.map((k) => keyval(`r_${k}`, false));
    return fc.tuple(
      fc.constant(r),
      fc.tuple(...roots),
      fc.shuffledSubarray(sections, { minLength: sections.length }).chain((s) => fc.tuple(...s)),
    );
  })
  .map(([r, roots, sections]) => {
    const lines: Line[] = [];
    const gap = (i: number) =>
      (r.gaps[i % r.gaps.length] ?? []).forEach((text) => lines.push({ text, entry: false }));
    gap(0);
    roots.forEach((kv) => lines.push(...kv));
    sections.forEach((s, i) => {
      gap(i + 1);
      lines.push(...s);
    });
    gap(11);
    const eol = r.crlf ? '\r\n' : '\n';
    const text = lines.map((l) => l.text).join(eol) + (r.finalNewline ? eol : '');
    // A file without any line break has no line-ending style of its own: the merge uses \n.
    return {
      name: r.name as string,
      form: r.form,
      text,
      lines,
      eol: text.includes('\n') ? eol : '\n',
      header: `[mcp_servers.${quoted(r.name, r.quote)}]`,
    };
  });

/** Blocks from the core's serializer (names such as "my server" are past the generator's name rule, not TOML's). */
function blockFor(name: string, pick: number): string {
  const entries: ServerEntry[] = [
    { command: 'npx', args: ['-y', 'pkg'] },
    { command: 'uvx', env: { LEVEL: 'debug' }, startup_timeout_sec: 60 },
    {
      url: 'https://mcp.example.com/mcp',
      bearer_token_env_var: 'TOK',
      env_http_headers: { 'X-A': 'HA' },
    },
  ];
  return tomlBlock(name, entries[pick % entries.length] as ServerEntry);
}

describe('property: merging keeps every other line, in order', () => {
  it('holds for 400 random files (seeded)', () => {
    const forms = new Map<string, number>();
    fc.assert(
      fc.property(fileArb, fc.nat(), (file, pick) => {
        const block = blockFor(file.name, pick);
        const original = parse(file.text) as Record<string, unknown>;
        const r = mergeServer(file.text, file.name, block);
        expect(r.error, file.text).toBeNull();
        const merged = r.text ?? '';
        forms.set(file.form, (forms.get(file.form) ?? 0) + 1);

        // It parses and holds exactly the new entry for NAME...
        const doc = parse(merged) as Record<string, Record<string, unknown>>;
        const wanted = (parse(block) as Record<string, Record<string, unknown>>)['mcp_servers']?.[
          file.name
        ];
        expect(sameValue(doc['mcp_servers']?.[file.name], wanted)).toBe(true);
        // ...and everything else parses to the same values.
        const rest = (d: Record<string, unknown>) => {
          const s = { ...(d['mcp_servers'] as Record<string, unknown> | undefined) };
          delete s[file.name];
          return { ...d, mcp_servers: s };
        };
        expect(sameValue(rest(doc), rest(original))).toBe(true);

        // Every line that is not part of the old entry is there, in order, byte for byte; the
        // block appears once, and nothing else was added but the separator before an appended block.
        const eolBlock = block.replace(/\n/g, file.eol);
        const at = merged.indexOf(eolBlock);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(merged.indexOf(eolBlock, at + 1)).toBe(-1);
        const without = merged.slice(0, at) + merged.slice(at + eolBlock.length);
        const kept = splitLines(file.text)
          .filter((_, i) => !file.lines[i]?.entry)
          .join('');
        expect(
          without.startsWith(kept),
          `${JSON.stringify(kept)}\n${JSON.stringify(without)}`,
        ).toBe(true);
        const added = without.slice(kept.length);
        expect(
          added === '' || added === file.eol || added === file.eol + file.eol,
          JSON.stringify(added),
        ).toBe(true);
        if (file.form === 'header' || file.form === 'header+sub') {
          // Replaced in place: nothing added, and the block sits where the old header was.
          expect(added).toBe('');
          const headerAt = file.lines.findIndex((l) => l.header === true && l.text === file.header);
          const before = splitLines(file.text)
            .slice(0, headerAt)
            .filter((_, i) => !file.lines[i]?.entry)
            .join('');
          expect(merged.slice(0, at)).toBe(before);
        }
        expect(r.collision).toBe(file.form !== 'none');
      }),
      { seed: 20_260_502, numRuns: 400 },
    );
    // Every shape of existing entry was exercised.
    for (const form of ['none', 'header', 'header+sub', 'dotted', 'inline'])
      expect(forms.get(form) ?? 0, form).toBeGreaterThan(20);
    // ~2 s on a quiet machine; the default 5 s timed out with seven test runs sharing two cores.
  }, 60_000);
});

describe('mergeServer: huge inputs never crash it', () => {
  // Regression: `Math.min(...remove)` spread 130k line numbers into one call and threw a RangeError;
  // the island then showed the block alone, dropping the rest of the file.
  it('replaces an entry that spans 130,000 lines (140 KB)', () => {
    const old = `[mcp_servers.docs]\ncommand = "old"\nargs = [${'\n'.repeat(130_000)}"a"]\n`;
    const existing = `# keep\nmodel = "o3"\n\n${old}\n[after]\nk = 1\n`;
    expect(existing.length).toBeGreaterThan(130_000);
    const r = mergeServer(existing, 'docs', BLOCK);
    expect(r.error).toBeNull();
    expect(r.text).toBe(`# keep\nmodel = "o3"\n\n${BLOCK}\n[after]\nk = 1\n`);
    expect(r.collision).toBe(true);
    expect(r.lostKeys).toEqual(['args']);
    expect(r.warnings[0]).toContain('(line 4)');
  });

  // Regression: the block's trailing newlines were trimmed by `(\n)*$`, quadratic in their number.
  it('trims 80,000 trailing newlines of the block in linear time', () => {
    const block = `${BLOCK}${'\n'.repeat(80_000)}# end`;
    // CPU time of this process, not wall time: other processes' load on the CI cores does not count.
    const { ms, value: r } = cpu(() => mergeServer('model = "o3"\n', 'docs', block));
    expect(ms).toBeLessThan(1500);
    expect(r.error).toBeNull();
    expect(r.text?.startsWith(`model = "o3"\n\n${BLOCK}`)).toBe(true);
    expect(r.text?.endsWith('# end\n')).toBe(true);
  });

  it('compares tables nested 20,000 levels deep without overflowing the stack', () => {
    const deep = `a.${Array.from({ length: 20_000 }, (_, i) => `k${i}`).join('.')} = 1\n`;
    const r = mergeServer(deep, 'docs', BLOCK);
    expect(r.error).toBeNull();
    expect(r.text).toBe(`${deep}\n${BLOCK}`);
  });
});

describe('mergeServers: every corrected block at once', () => {
  const file = [
    '# my config',
    'model = "o3"',
    '',
    '[mcp_servers.a]',
    'command = "old"',
    '',
    '[profiles.x]',
    'model = "o4"',
    '',
  ].join('\n');
  const a = '[mcp_servers.a]\ncommand = "new"\n';
  const b = '[mcp_servers.b]\nurl = "https://mcp.example.com/mcp"\n';

  it.each([
    [
      'replaces one entry and appends another; the rest stays byte for byte',
      file,
      [
        { name: 'a', toml: a },
        { name: 'b', toml: b },
      ],
      ['a', 'b'],
      [],
    ],
    [
      'a second block of the same name is skipped, named',
      file,
      [
        { name: 'a', toml: a },
        { name: 'a', toml: a },
      ],
      ['a'],
      ['a'],
    ],
    [
      'a block the merge refuses is skipped; the others go in',
      file,
      [
        { name: 'x', toml: 'not toml [' },
        { name: 'b', toml: b },
      ],
      ['b'],
      ['x'],
    ],
    [
      'an empty file gets every block',
      '',
      [
        { name: 'a', toml: a },
        { name: 'b', toml: b },
      ],
      ['a', 'b'],
      [],
    ],
  ])('%s', (_label, existing, blocks, merged, skipped) => {
    const r = mergeServers(existing, blocks);
    expect(r.merged).toEqual(merged);
    expect(r.skipped.map((s) => s.name)).toEqual(skipped);
    for (const s of r.skipped) expect(s.reason).not.toBe('');
    if (existing !== '') {
      expect(r.text.startsWith('# my config\nmodel = "o3"\n\n')).toBe(true);
      expect(r.text).toContain('[profiles.x]\nmodel = "o4"\n');
    }
    for (const name of merged) expect(r.text).toContain(`[mcp_servers.${name}]`);
  });

  it('never throws, whatever it is given', () => {
    expect(() => mergeServers('[[[', [{ name: '', toml: '' }])).not.toThrow();
    expect(mergeServers('[[[', [{ name: 'a', toml: a }]).skipped.map((s) => s.name)).toEqual(['a']);
  });
});

describe('lineDiff', () => {
  it.each([
    ['nothing changed', 'a\nb\n', 'a\nb\n', ['  a', '  b']],
    ['a line added at the end', 'a\n', 'a\nb\n', ['  a', '+ b']],
    ['a line replaced in the middle', 'a\nb\nc\n', 'a\nx\nc\n', ['  a', '- b', '+ x', '  c']],
    ['lines removed', 'a\nb\nc\n', 'a\n', ['  a', '- b', '- c']],
    ['from empty', '', 'a\n', ['+ a']],
    ['aligned around a common line', 'x\nk\ny\n', 'p\nk\nq\n', ['- x', '+ p', '  k', '- y', '+ q']],
  ])('%s', (_label, before, after, expected) => {
    expect(
      lineDiff(before, after).map(
        (l) => `${l.kind === 'same' ? ' ' : l.kind === 'added' ? '+' : '-'} ${l.text}`,
      ),
    ).toEqual(expected);
  });

  it('stays fast on a large, completely different file', () => {
    const big = (c: string) => Array.from({ length: 5000 }, (_, i) => `${c}${i}`).join('\n');
    const { ms, value: d } = cpu(() => lineDiff(big('a'), big('b')));
    expect(d).toHaveLength(10_000);
    expect(ms).toBeLessThan(2000);
  });
});
