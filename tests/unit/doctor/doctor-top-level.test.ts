/**
 * The top-level keys Codex reads as a plain string, boolean, integer or array of strings
 * (src/lib/codex/top-level-types.ts). Every expected message below is what the real CLI printed
 * (`codex mcp get x --json` on a config.toml holding the line, 0.140.0 and 0.171.0 alike);
 * tests/conformance/doctor.test.ts re-checks a sample of them against the CLI.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseConfig } from '../../../src/lib/doctor/index.ts';

const SERVER = '[mcp_servers.a]\ncommand = "npx"\n';

/** The file-level refusals of `text` (with a server after it), as path, line and Codex's words. */
function refusals(text: string) {
  const r = diagnoseConfig(`${text}\n${SERVER}`);
  return r.file
    .filter((f) => f.kind === 'rejected')
    .map((f) => ({ path: f.codexPath, line: f.line, codex: f.codexMessage }));
}

describe('wrong types: refused, in the words Codex printed', () => {
  it.each([
    ['model = 5', 'model', 'invalid type: integer `5`, expected a string'],
    ['model = true', 'model', 'invalid type: boolean `true`, expected a string'],
    ['model = 1.5', 'model', 'invalid type: floating point `1.5`, expected a string'],
    ['model = ["a"]', 'model', 'invalid type: sequence, expected a string'],
    ['model = { a = 1 }', 'model', 'invalid type: map, expected a string'],
    ['model = 0x10', 'model', 'invalid type: integer `16`, expected a string'],
    [
      'model = -9223372036854775808',
      'model',
      'invalid type: integer `-9223372036854775808`, expected a string',
    ],
    ['review_model = 5', 'review_model', 'invalid type: integer `5`, expected a string'],
    [
      'allow_login_shell = "true"',
      'allow_login_shell',
      'invalid type: string "true", expected a boolean',
    ],
    [
      'hide_agent_reasoning = 1',
      'hide_agent_reasoning',
      'invalid type: integer `1`, expected a boolean',
    ],
    [
      'disable_paste_burst = ["x"]',
      'disable_paste_burst',
      'invalid type: sequence, expected a boolean',
    ],
    [
      'hide_agent_reasoning = 1979-05-27T07:32:00Z',
      'hide_agent_reasoning',
      'invalid type: string "1979-05-27T07:32:00Z", expected a boolean',
    ],
    [
      'hide_agent_reasoning = 1979-05-27 07:32:00',
      'hide_agent_reasoning',
      'invalid type: string "1979-05-27T07:32:00", expected a boolean',
    ],
    [
      'hide_agent_reasoning = 1979-05-27T07:32:00-00:00',
      'hide_agent_reasoning',
      'invalid type: string "1979-05-27T07:32:00+00:00", expected a boolean',
    ],
    [
      'hide_agent_reasoning = "a\\"b\\\\c\\n\\u00e9\\t"',
      'hide_agent_reasoning',
      'invalid type: string "a\\"b\\\\c\\né\\t", expected a boolean',
    ],
    [
      'hide_agent_reasoning = "\\u0001\\u007f\\u0085\\u2028\\u200b\\U0001F600\\u00ad\\u0000\\r\\u001b|\\u00a0|\\u0301"',
      'hide_agent_reasoning',
      'invalid type: string "\\u{1}\\u{7f}\\u{85}\\u{2028}\\u{200b}😀\\u{ad}\\0\\r\\u{1b}|\\u{a0}|\\u{301}", expected a boolean',
    ],
    [
      'model_context_window = "5"',
      'model_context_window',
      'invalid type: string "5", expected i64',
    ],
    [
      'model_context_window = 5.0',
      'model_context_window',
      'invalid type: floating point `5.0`, expected i64',
    ],
    [
      'model_context_window = 1979-05-27',
      'model_context_window',
      'invalid type: string "1979-05-27", expected i64',
    ],
    [
      'background_terminal_max_timeout = -1',
      'background_terminal_max_timeout',
      'invalid value: integer `-1`, expected u64',
    ],
    [
      'tool_output_token_limit = -1',
      'tool_output_token_limit',
      'invalid value: integer `-1`, expected usize',
    ],
    [
      'project_doc_max_bytes = true',
      'project_doc_max_bytes',
      'invalid type: boolean `true`, expected usize',
    ],
    [
      'mcp_oauth_callback_port = 65536',
      'mcp_oauth_callback_port',
      'invalid value: integer `65536`, expected u16',
    ],
    [
      'mcp_oauth_callback_port = 9223372036854775807',
      'mcp_oauth_callback_port',
      'invalid value: integer `9223372036854775807`, expected u16',
    ],
    ['notify = "x"', 'notify', 'invalid type: string "x", expected a sequence'],
    ['notify = true', 'notify', 'invalid type: boolean `true`, expected a sequence'],
    ['notify = { a = 1 }', 'notify', 'invalid type: map, expected a sequence'],
    ['notify = [1]', 'notify', 'invalid type: integer `1`, expected a string'],
    ['notify = ["a", 2]', 'notify', 'invalid type: integer `2`, expected a string'],
    ['notify = [1.5]', 'notify', 'invalid type: floating point `1.5`, expected a string'],
    ['notify = [true, "a"]', 'notify', 'invalid type: boolean `true`, expected a string'],
    ['notify = [["a"]]', 'notify', 'invalid type: sequence, expected a string'],
    ['notify = [{ a = 1 }]', 'notify', 'invalid type: map, expected a string'],
    [
      'project_doc_fallback_filenames = "x"',
      'project_doc_fallback_filenames',
      'invalid type: string "x", expected a sequence',
    ],
  ])('%s', (line, path, codex) => {
    expect(refusals(line)).toEqual([{ path, line: 1, codex }]);
  });

  it.each([
    ['1e20', '100000000000000000000.0'],
    ['1e21', '1000000000000000000000.0'],
    ['1e-7', '0.0000001'],
    ['0.1', '0.1'],
    ['3e2', '300.0'],
    ['+5.0', '5.0'],
    ['-0.0', '-0.0'],
    ['1_000.5', '1000.5'],
    ['nan', 'NaN'],
    ['inf', 'inf'],
    ['-inf', '-inf'],
  ])('model = %s names the float as Rust prints it', (value, printed) => {
    expect(refusals(`model = ${value}`).map((f) => f.codex)).toEqual([
      `invalid type: floating point \`${printed}\`, expected a string`,
    ]);
  });

  it('a date with fractional seconds is refused without words (smol-toml keeps milliseconds only)', () => {
    // Codex printed "1979-05-27T07:32:00.5Z" and "07:32:00.12": the digits written are not known here.
    for (const v of ['1979-05-27T07:32:00.500Z', '07:32:00.120'])
      expect(refusals(`hide_agent_reasoning = ${v}`)).toEqual([
        { path: 'hide_agent_reasoning', line: 1, codex: undefined },
      ]);
  });

  it('tells the reader the key, the line and the fix', () => {
    const r = diagnoseConfig(`# mine\nmodel = "o3"\nhide_agent_reasoning = "true"\n${SERVER}`);
    expect(r.loads).toBe(false);
    expect(r.summary).toMatch(/refuses to load this WHOLE file/);
    const [f] = r.file;
    expect(f?.line).toBe(3);
    expect(f?.message).toBe(
      '`hide_agent_reasoning = "true"` is not true or false, so Codex refuses the whole file (every server with it). Write it without quotes: `hide_agent_reasoning = true`.',
    );
    expect(refusals('model = 5')[0]?.codex).toBe('invalid type: integer `5`, expected a string');
    const m = diagnoseConfig(`model = 5\n${SERVER}`).file[0]?.message;
    expect(m).toMatch(/`model = 5` is not a string.*Put the value in quotes: `model = "5"`\./);
    const n = diagnoseConfig(`notify = "say"\n${SERVER}`).file[0]?.message;
    expect(n).toMatch(/Write it as an array, each item in quotes: `notify = \["say"\]`\./);
    const fixOf = (line: string) => diagnoseConfig(`${line}\n${SERVER}`).file[0]?.message;
    expect(fixOf('tool_output_token_limit = -5')).toMatch(
      /is not a whole number, 0 or more, .* Write a whole number, 0 or more\.$/,
    );
    expect(fixOf('model_context_window = 1.5')).toMatch(
      /Write a whole number, without a decimal point\.$/,
    );
    expect(fixOf('mcp_oauth_callback_port = "8080"')).toMatch(
      /Write the number without quotes: `mcp_oauth_callback_port = 8080`\.$/,
    );
    expect(fixOf('mcp_oauth_callback_port = true')).toMatch(
      /Write a whole number from 0 to 65535, without quotes\.$/,
    );
  });

  it('names each key at its own line, a multi-line array and a table header included', () => {
    const text = [
      'model = "o3"',
      'notify = [',
      '  "say",',
      '  1,',
      ']',
      'model_context_window = 1.5',
      '[mcp_servers.a]',
      'command = "npx"',
      '[instructions]',
      'x = 1',
    ].join('\n');
    const r = diagnoseConfig(text);
    expect(r.file.map((f) => [f.codexPath, f.line, f.codexMessage])).toEqual([
      ['notify', 2, 'invalid type: integer `1`, expected a string'],
      ['model_context_window', 6, 'invalid type: floating point `1.5`, expected i64'],
      ['instructions', 9, 'invalid type: map, expected a string'],
    ]);
  });
});

describe('right types: accepted and counted as checked', () => {
  it('loads with every kind of value Codex accepted, and leaves nothing unchecked', () => {
    const r = diagnoseConfig(
      [
        'model = "o3"',
        'review_model = ""',
        "instructions = 'C:\\x'",
        'developer_instructions = 1979-05-27', // a date is read as its text (recorded: loads)
        'hide_agent_reasoning = false',
        'check_for_update_on_startup = true',
        'model_context_window = -1', // i64
        'model_auto_compact_token_limit = 9223372036854775807',
        'tool_output_token_limit = 0x10',
        'background_terminal_max_timeout = 0',
        'mcp_oauth_callback_port = 65535',
        'notify = []',
        'project_doc_fallback_filenames = ["a", 1979-05-27]', // recorded: loads
        SERVER,
      ].join('\n'),
    );
    expect(r.loads).toBe(true);
    expect(r.file).toEqual([]);
    expect(r.unchecked).toEqual([]);
    expect(r.summary).toMatch(/covers all of it/);
  });

  it('an integer is not a float: 5 loads where 5.0 is refused', () => {
    expect(refusals('model_context_window = 5')).toEqual([]);
    expect(refusals('model_context_window = 5.0')).toHaveLength(1);
    expect(refusals('mcp_oauth_callback_port = 0')).toEqual([]);
  });

  it('keys Codex judges by more than the type stay unchecked when the type is right', () => {
    // Recorded: profile = "ok" and model_provider = "ok" and default_permissions = "ok" are refused
    // by rules of their own ("legacy `profile = …` config is no longer supported", "Model provider
    // `ok` not found", "default_permissions requires a `[permissions]` table").
    for (const line of ['profile = "ok"', 'model_provider = "ok"', 'default_permissions = "ok"']) {
      const r = diagnoseConfig(`${line}\n${SERVER}`);
      expect(r.file).toEqual([]);
      expect(r.unchecked).toEqual([line.split(' ')[0]]);
    }
    expect(refusals('profile = 5')).toEqual([
      { path: 'profile', line: 1, codex: 'invalid type: integer `5`, expected a string' },
    ]);
  });
});

describe('what is not judged', () => {
  it('tables, arrays of tables and keys outside the list stay unchecked, never refused', () => {
    const r = diagnoseConfig(
      [
        'personality = 5', // an enum whose values are not recorded here
        'project_root_markers = "x"', // refused at an earlier stage, without the key's path
        'experimental_thread_config_endpoint = 5', // refused by 0.140.0, ignored by 0.171.0
        'model_supports_reasoning_summaries = "x"', // the same
        SERVER,
        '[tui]',
        'notifications = true',
        '[features]',
        'web_search = "x"',
        '[[skills.config]]',
        'path = 1',
      ].join('\n'),
    );
    expect(r.file).toEqual([]);
    expect(r.loads).toBe(true);
    expect(r.unchecked).toEqual([
      'personality',
      'project_root_markers',
      'experimental_thread_config_endpoint',
      'model_supports_reasoning_summaries',
      'tui',
      'features',
      'skills',
    ]);
    expect(r.summary).toMatch(/were NOT checked/);
  });

  it('a key inside a table is not the top-level key of that name', () => {
    const r = diagnoseConfig(`[tui]\nmodel = 5\n${SERVER}`);
    expect(r.file).toEqual([]);
    expect(r.unchecked).toEqual(['tui']);
  });
});
