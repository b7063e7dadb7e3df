import { describe, expect, it } from 'vitest';
import {
  checkEnvName,
  checkHeaderName,
  checkHeaderValue,
  checkServerName,
  checkText,
  checkTimeout,
  checkUrl,
  isLoopbackHost,
  looksLikeSecret,
  MAX_TIMEOUT_SEC,
} from '../../../src/lib/generator/validate.ts';

describe('checkServerName (Codex: ^[A-Za-z0-9_:@/.-]+$, and no leading "-")', () => {
  it.each([
    // A plain name.
    ['docs'],
    // Every allowed punctuation character.
    ['a_b:c@d/e.f-g'],
    // Dots are allowed (TOML then quotes the key).
    ['a.b'],
    // An npm-style scoped name with a version-like suffix.
    ['x@y/z:1'],
    // A "-" later in the name is fine.
    ['my-server'],
    // A lone dot is in the alphabet too.
    ['.'],
  ])('accepts %j', (name) => {
    expect(checkServerName(name)).toBeUndefined();
  });

  it.each([
    // Empty: required.
    ['', /required/],
    // A leading "-" is read by the CLI as an option.
    ['-docs', /starts with "-"/],
    // "--" too.
    ['--', /starts with "-"/],
    // A space is not in the alphabet.
    [
      'my server',
      /^Server name "my server" has characters Codex 0\.171\.0 refuses: its `codex mcp add` rejects it and its sessions never start such a server from config.toml. Use only letters, numbers, '-', '_', ':', '@', '\/', '\.', for example "my-server"\.$/,
    ],
    // Non-ASCII letters are rejected by Codex's regex.
    ['café', /characters Codex 0\.171\.0 refuses: .*for example "caf"\.$/],
    // Brackets would break the TOML table header and are rejected by Codex.
    ['a]b', /characters Codex 0\.171\.0 refuses: .*for example "a-b"\.$/],
    // A newline.
    ['a\nb', /^Server name contains U\+000A \(line feed\) at position 2/],
    // "+" is not in the alphabet.
    ['a+b', /characters Codex 0\.171\.0 refuses: .*for example "a-b"\.$/],
  ])('rejects %j', (name, message) => {
    expect(checkServerName(name)).toMatch(message);
  });
});

describe('looksLikeSecret', () => {
  it.each([
    // OpenAI-style key.
    ['sk-proj-abcdefghijklmnop', true],
    // GitHub classic PAT prefix.
    ['ghp_abcdefghijklmnop', true],
    // GitHub fine-grained PAT prefix.
    ['github_pat_11ABCDEFG0123', true],
    // Slack bot token.
    ['xoxb-1234-5678-abcdef', true],
    // A JWT.
    ['eyJhbGciOiJIUzI1NiJ9', true],
    // A full Authorization value pasted by mistake.
    ['Bearer abcdefghijkl', true],
    // A long dense mixed-case key without a known prefix.
    ['a8F3kLm2Qx9Zt7Rw1Yb4', true],
    // Short strings never count (under 12 characters).
    ['sk-abc', false],
    // An UPPER_SNAKE variable name with digits.
    ['MY_SERVICE_TOKEN_V2_PROD', false],
    // lower_snake with digits, no upper case: a name, not a key.
    ['my_service_token_2_prod', false],
    // A long lowercase word without digits.
    ['averyveryverylongname', false],
  ])('looksLikeSecret(%j) === %s', (value, expected) => {
    expect(looksLikeSecret(value)).toBe(expected);
  });
});

describe('checkEnvName', () => {
  it.each([
    // Ordinary names are fine.
    ['MY_TOKEN'],
    // Leading underscore.
    ['_X'],
    // Lower case is legal.
    ['my_token'],
    // Digits after the first character.
    ['TOKEN_2'],
  ])('accepts %j with neither error nor warning', (name) => {
    expect(checkEnvName(name, 'Variable')).toEqual({});
  });

  it.each([
    // Empty.
    ['', /is empty/],
    // Leading digit.
    ['1TOKEN', /not a valid variable name/],
    // A dash.
    ['MY-TOKEN', /not a valid variable name/],
    // A space.
    ['MY TOKEN', /not a valid variable name/],
    // "$" typed before the name.
    ['$MY_TOKEN', /not a valid variable name/],
    // A token pasted in place of the name (fails the regex): the message says so.
    ['sk-proj-abcdefghijklmnop1234', /looks like a token, not a variable name/],
    // A JWT pasted in (contains "." so it fails the regex).
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', /looks like a token, not a variable name/],
  ])('rejects %j', (name, message) => {
    const r = checkEnvName(name, 'Variable');
    expect(r.error).toMatch(message);
    expect(r.warning).toBeUndefined();
  });

  it.each([
    // A GitHub token matches the name regex (letters, digits, "_") but is a token: warning, not error.
    ['ghp_abcdefghijklmnopqrstuvwxyz0123'],
    // A dense key without separators also matches the regex.
    ['a8F3kLm2Qx9Zt7Rw1Yb4c'],
  ])('warns (no error) for the legal-but-token-like %j', (name) => {
    const r = checkEnvName(name, 'Variable');
    expect(r.error).toBeUndefined();
    expect(r.warning).toMatch(/looks like a token/);
    expect(r.warning).toContain(name);
  });

  // BUG (questionable, src/lib/generator/validate.ts TOKEN_PREFIX_RE): the prefix regex is case-insensitive, so
  // ordinary UPPER_SNAKE names that begin like a token prefix get the "looks like a token" warning,
  // although the code's own comment says UPPER_SNAKE names are not keys.
  it.each([
    // A natural name for a GitHub fine-grained PAT variable.
    ['GITHUB_PAT_TOKEN'],
    // A Stripe-ish secret key variable.
    ['SK_LIVE_API_KEY'],
  ])('BUG: does not warn for the UPPER_SNAKE name %j', (name) => {
    expect(checkEnvName(name, 'Variable')).toEqual({});
  });
});

describe('checkHeaderName / checkHeaderValue', () => {
  it.each([
    // The usual credential header.
    ['Authorization'],
    // A typical API-key header with dashes.
    ['X-Api-Key'],
    // Every tchar punctuation RFC 9110 allows.
    ["!#$%&'*+.^_`|~-"],
  ])('accepts header name %j', (name) => {
    expect(checkHeaderName(name)).toBeUndefined();
  });

  it.each([
    // Empty.
    ['', /empty/],
    // A colon (someone pasted "Name: value").
    ['Authorization:', /not a valid HTTP header name/],
    // A space.
    ['X Api', /not a valid HTTP header name/],
    // Non-ASCII.
    ['X-Clé', /not a valid HTTP header name/],
    // Separators such as "(" and "@" are not tchars.
    ['X(1)', /not a valid HTTP header name/],
  ])('rejects header name %j', (name, message) => {
    expect(checkHeaderName(name)).toMatch(message);
  });

  it.each([
    // An ordinary value.
    ['Bearer abc', true],
    // A tab is allowed in field values.
    ['a\tb', true],
    // Non-ASCII is passed through (obs-text).
    ['clé 😀', true],
    // Empty value.
    ['', true],
    // CR is forbidden (header injection).
    ['a\rb', false],
    // LF is forbidden.
    ['a\nX-Evil: 1', false],
    // NUL is forbidden.
    ['a\u0000', false],
    // DEL is a control character too.
    ['a\u007f', false],
    // ESC.
    ['\u001b[31m', false],
  ])('checkHeaderValue(%j) ok=%s', (value, ok) => {
    const r = checkHeaderValue(value, 'X-H');
    if (ok) expect(r).toBeUndefined();
    // The message names the header and the refused character.
    else
      expect(r).toMatch(
        /^Value of header X-H contains U\+00[0-9A-F]{2} \(.+\) at position \d+, .*: remove it\.$/,
      );
  });
});

describe('checkTimeout', () => {
  it.each([
    // Empty means "Codex's default": no value, no error.
    ['', {}],
    // Whitespace only is empty too.
    ['   ', {}],
    // Whole seconds.
    ['30', { value: 30 }],
    // Fractional seconds.
    ['2.5', { value: 2.5 }],
    // Surrounding spaces are trimmed.
    [' 45 ', { value: 45 }],
    // Leading zeros are harmless.
    ['007', { value: 7 }],
    // The maximum itself (one day).
    [String(MAX_TIMEOUT_SEC), { value: 86_400 }],
    // A tiny positive value.
    ['0.001', { value: 0.001 }],
  ])('checkTimeout(%j) -> %j', (raw, expected) => {
    expect(checkTimeout(raw, 'Startup timeout')).toEqual(expected);
  });

  it.each([
    // Zero is not a timeout.
    ['0', /greater than 0/],
    // 0.0 neither.
    ['0.0', /greater than 0/],
    // Negative numbers fail the number format.
    ['-1', /must be a number of seconds/],
    // Exponent notation is not accepted.
    ['1e3', /must be a number of seconds/],
    // Words.
    ['abc', /must be a number of seconds/],
    // Units typed in.
    ['30s', /must be a number of seconds/],
    // A decimal comma.
    ['2,5', /must be a number of seconds/],
    // A bare leading dot.
    ['.5', /must be a number of seconds/],
    // A trailing dot.
    ['5.', /must be a number of seconds/],
    // Fullwidth digits are not ASCII digits.
    ['３０', /must be a number of seconds/],
    // More than a day.
    ['86401', /more than a day/],
    // Just over a day.
    ['86400.5', /more than a day/],
    // Absurdly large.
    ['99999999999999999999999', /more than a day/],
  ])('checkTimeout(%j) is an error', (raw, message) => {
    const r = checkTimeout(raw, 'Tool timeout');
    expect(r.value).toBeUndefined();
    expect(r.error).toMatch(message);
    expect(r.error).toMatch(/^Tool timeout/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true], // the name itself
    ['LOCALHOST', true], // case-insensitive
    ['api.localhost', true], // *.localhost is loopback by RFC 6761
    ['127.0.0.1', true], // IPv4 loopback
    ['127.1.2.3', true], // the whole 127/8 block
    ['[::1]', true], // IPv6 loopback as URL.hostname spells it
    ['::1', true], // and without brackets
    ['example.com', false], // a remote host
    ['localhost.example.com', false], // "localhost" as a label of a remote name
    ['10.0.0.1', false], // private but not loopback
    ['0.0.0.0', false], // not loopback
    ['127.0.0.1.nip.io', false], // a DNS name that merely starts with 127.0.0.1
  ])('isLoopbackHost(%j) === %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('checkUrl', () => {
  it.each([
    // https to a remote host: clean.
    ['https://mcp.example.com/mcp'],
    // http to localhost: no warning (never leaves the machine).
    ['http://localhost:8080/mcp'],
    // http to 127.0.0.1.
    ['http://127.0.0.1:3000/mcp'],
    // http to IPv6 loopback.
    ['http://[::1]:3000/mcp'],
    // A shortened IPv4 loopback that URL normalises to 127.0.0.1.
    ['http://127.1/mcp'],
    // Upper-case scheme and host are normalised by URL.
    ['HTTPS://MCP.EXAMPLE.COM/mcp'],
    // Query strings and fragments are fine.
    ['https://example.com/mcp?x=1#y'],
  ])('accepts %j without warnings', (url) => {
    expect(checkUrl(url)).toEqual({ warnings: [] });
  });

  it.each([
    // Empty.
    ['', /required/],
    // Missing scheme.
    ['mcp.example.com/mcp', /not a complete address/],
    // "host:port" parses as a scheme "localhost:" and is rejected as such.
    ['localhost:8080/mcp', /must start with https:\/\//],
    // FTP.
    ['ftp://example.com/mcp', /must start with https:\/\/.*"ftp:"/],
    // file:
    ['file:///tmp/x', /must start with https:\/\//],
    // A space inside.
    ['https://example.com/my mcp', /contains a space/],
    // A non-breaking space counts as a space.
    ['https://example.com/\u00a0mcp', /contains a space/],
    // A tab.
    ['https://example.com/\tmcp', /URL contains U\+0009 \(tab\) at position 21/],
    // A control character.
    ['https://example.com/\u0001', /URL contains U\+0001 \(control character\) at position 21/],
    // Scheme only.
    ['https://', /not a complete address/],
  ])('rejects %j', (url, message) => {
    const r = checkUrl(url);
    expect(r.error).toMatch(message);
  });

  it.each([
    // Plain http to a remote host: tokens would travel unencrypted.
    ['http://mcp.example.com/mcp', [/plain http to a remote host/]],
    // Credentials embedded in the URL end up in plaintext.
    ['https://user:pass@mcp.example.com/mcp', [/user name or password/]],
    // A user name alone counts too.
    ['https://user@mcp.example.com/mcp', [/user name or password/]],
    // Both at once: two warnings.
    ['http://user:pw@example.com/', [/plain http/, /user name or password/]],
    // 0.0.0.0 is not loopback.
    ['http://0.0.0.0:8080/mcp', [/plain http to a remote host/]],
  ])('warns for %j', (url, expected) => {
    const r = checkUrl(url);
    expect(r.error).toBeUndefined();
    expect(r.warnings).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(r.warnings[i]).toMatch(re));
  });

  it('uses the label in its messages', () => {
    // The label names the field, so the OAuth resource check reads right.
    expect(checkUrl('', 'OAuth resource').error).toMatch(/^OAuth resource is required/);
  });
});

describe('checkText: refused characters (issue 9 item 2)', () => {
  it.each<[string, string | undefined]>([
    // Empty is fine here (emptiness is checked elsewhere).
    ['', undefined],
    // Shell and TOML metacharacters are data: quoting handles them.
    ['any text $`\'"\\ é 😀 \u00a0', undefined],
    // NUL cannot be carried by argv or TOML.
    [
      'a\u0000b',
      'Field contains U+0000 (NUL) at position 2, which no command line or config file can carry: remove it.',
    ],
    // ESC starts terminal sequences: ESC[201~ ends bracketed paste, so the rest of a pasted line runs as typed.
    [
      '\u001b[201~',
      'Field contains U+001B (escape) at position 1, a control character a terminal acts on when a command is pasted (it can run or hide commands): remove it.',
    ],
    // Ctrl-U erases the line typed so far in most line editors.
    [
      'x\u0015y',
      'Field contains U+0015 (Ctrl-U) at position 2, a control character a terminal acts on when a command is pasted (it can run or hide commands): remove it.',
    ],
    // CR submits the line.
    [
      'a\rb',
      'Field contains U+000D (carriage return) at position 2, a control character a terminal acts on when a command is pasted (it can run or hide commands): remove it.',
    ],
    // A tab triggers completion when pasted without bracketed paste.
    [
      'a\tb',
      'Field contains U+0009 (tab) at position 2, a control character a terminal acts on when a command is pasted (it can run or hide commands): remove it.',
    ],
    // A line feed, where the field is one line.
    [
      'a\nb',
      'Field contains U+000A (line feed) at position 2, a line break, which this field cannot hold: remove it.',
    ],
    // C1 controls: U+009B is a one-character CSI in some terminals.
    [
      '\u009b2J',
      'Field contains U+009B (control sequence introducer) at position 1, a control character a terminal acts on when a command is pasted (it can run or hide commands): remove it.',
    ],
    // DEL.
    [
      'a\u007f',
      'Field contains U+007F (delete) at position 2, a control character a terminal acts on when a command is pasted (it can run or hide commands): remove it.',
    ],
    // A bidi override makes the shown command differ from the copied one; the position counts code points.
    [
      '😀\u202eabc',
      'Field contains U+202E (right-to-left override) at position 2, an invisible character that makes the text shown differ from the text copied: remove it.',
    ],
    // Zero-width characters hide text.
    [
      'a\u200bb',
      'Field contains U+200B (zero-width space) at position 2, an invisible character that makes the text shown differ from the text copied: remove it.',
    ],
    // A lone surrogate has no UTF-8 encoding.
    [
      'x\ud800',
      'Field contains U+D800 (unpaired surrogate) at position 2, which no UTF-8 file or command line can carry: remove it.',
    ],
  ])('checkText(%j)', (value, expected) => {
    expect(checkText(value, 'Field')).toBe(expected);
  });

  it.each([
    // A line feed is kept where a value may span lines (arguments, environment values)...
    ['a\nb', { allowNewline: true }, undefined],
    // ...but never a CR, even there.
    ['a\r\nb', { allowNewline: true }, /U\+000D \(carriage return\)/],
    // A tab is kept only where asked (header values, which only reach TOML).
    ['a\tb', { allowTab: true }, undefined],
    ['a\tb', { allowNewline: true }, /U\+0009 \(tab\)/],
  ])('checkText(%j, %j)', (value, options, expected) => {
    const r = checkText(value, 'Field', options);
    if (expected === undefined) expect(r).toBeUndefined();
    else expect(r).toMatch(expected);
  });
});

describe('checkUrl: unfilled endpoint placeholders', () => {
  it.each([
    // A template part the reader has not filled in is named, not accepted as a host.
    ['https://{instance}/api/mcp', 'URL still has the placeholder {instance}: fill it in.'],
    // Also inside the path.
    ['https://mcp.example.com/{team}/mcp', 'URL still has the placeholder {team}: fill it in.'],
  ])('%s', (url, message) => {
    expect(checkUrl(url).error).toBe(message);
  });
});
