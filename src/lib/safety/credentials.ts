/**
 * What counts as a credential, in one place: the generator's field checks, the share-link encoder
 * and decoder (which withhold or refuse anything flagged here) and the config doctor all ask this module.
 *
 * Every check is a single left-to-right pass over the text (no regular expression that can backtrack
 * on long input), so a 200 KB paste or link value costs milliseconds.
 */
import { isPlaceholder } from './placeholders.ts';

export { isPlaceholder };

/** Why a value was flagged: the kind of evidence, a phrase for messages, and where it starts. */
export interface CredentialHit {
  kind: 'prefix' | 'random' | 'userinfo' | 'parameter' | 'flag' | 'scheme';
  /** Completes "looks like a credential: …", e.g. `it starts like a GitHub token (ghp_)`. */
  reason: string;
  /** UTF-16 index where the offending part starts. */
  index: number;
}

// Known token formats. `min` is the shortest tail after the prefix that still counts, so that names
// such as `sk-learn` or GITHUB_PAT_TOKEN (prefixes are case-sensitive, and these are lowercase) stay names.
const PREFIXES: readonly { prefix: string; name: string; min: number }[] = [
  { prefix: 'github_pat_', name: 'a GitHub token', min: 8 },
  { prefix: 'ghp_', name: 'a GitHub token', min: 12 },
  { prefix: 'gho_', name: 'a GitHub token', min: 12 },
  { prefix: 'ghu_', name: 'a GitHub token', min: 12 },
  { prefix: 'ghs_', name: 'a GitHub token', min: 12 },
  { prefix: 'ghr_', name: 'a GitHub token', min: 12 },
  { prefix: 'glpat-', name: 'a GitLab token', min: 12 },
  { prefix: 'sk-', name: 'an API secret key', min: 12 },
  { prefix: 'sk_', name: 'an API secret key', min: 12 },
  { prefix: 'rk_', name: 'an API restricted key', min: 12 },
  { prefix: 'pk_', name: 'an API key', min: 12 },
  { prefix: 'xoxa-', name: 'a Slack token', min: 8 },
  { prefix: 'xoxb-', name: 'a Slack token', min: 8 },
  { prefix: 'xoxp-', name: 'a Slack token', min: 8 },
  { prefix: 'xoxr-', name: 'a Slack token', min: 8 },
  { prefix: 'xoxe-', name: 'a Slack token', min: 8 },
  { prefix: 'npm_', name: 'an npm token', min: 20 },
  { prefix: 'hf_', name: 'a Hugging Face token', min: 20 },
  { prefix: 'pypi-', name: 'a PyPI token', min: 20 },
  { prefix: 'AKIA', name: 'an AWS access key', min: 16 },
  { prefix: 'ASIA', name: 'an AWS access key', min: 16 },
  { prefix: 'AIza', name: 'a Google API key', min: 20 },
  { prefix: 'eyJ', name: 'a JSON Web Token', min: 9 },
  { prefix: 'GOCSPX-', name: 'a Google OAuth client secret', min: 16 },
  { prefix: 'ya29.', name: 'a Google OAuth access token', min: 20 },
  { prefix: 'shpat_', name: 'a Shopify token', min: 16 },
  { prefix: 'shpca_', name: 'a Shopify token', min: 16 },
  { prefix: 'shppa_', name: 'a Shopify token', min: 16 },
  { prefix: 'shpss_', name: 'a Shopify token', min: 16 },
  { prefix: 'whsec_', name: 'a webhook signing secret', min: 16 },
  { prefix: 'xapp-', name: 'a Slack token', min: 16 },
  { prefix: 'glrt-', name: 'a GitLab token', min: 12 },
  { prefix: 'gldt-', name: 'a GitLab token', min: 12 },
  { prefix: 'glsa_', name: 'a Grafana token', min: 16 },
  { prefix: 'dop_v1_', name: 'a DigitalOcean token', min: 16 },
  { prefix: 'dapi', name: 'a Databricks token', min: 32 },
  { prefix: 'xkeysib-', name: 'a Brevo key', min: 16 },
  { prefix: 'SG.', name: 'a SendGrid key', min: 20 },
  { prefix: 'sq0atp-', name: 'a Square token', min: 16 },
  { prefix: 'sq0csp-', name: 'a Square secret', min: 16 },
  { prefix: 'lin_api_', name: 'a Linear key', min: 16 },
  { prefix: 'ntn_', name: 'a Notion token', min: 16 },
  { prefix: 'secret_', name: 'a Notion token', min: 30 },
  { prefix: 'figd_', name: 'a Figma token', min: 16 },
  { prefix: 'gsk_', name: 'a Groq key', min: 16 },
  { prefix: 'xai-', name: 'an xAI key', min: 16 },
  { prefix: 'r8_', name: 'a Replicate token', min: 16 },
  { prefix: 'lsv2_', name: 'a LangSmith key', min: 16 },
  { prefix: 'hvs.', name: 'a Vault token', min: 16 },
  { prefix: 'dckr_pat_', name: 'a Docker token', min: 16 },
  { prefix: 'pul-', name: 'a Pulumi token', min: 32 },
  { prefix: 'nfp_', name: 'a Netlify token', min: 16 },
  { prefix: 'rnd_', name: 'a Render key', min: 16 },
  { prefix: 'CFPAT-', name: 'a Contentful token', min: 16 },
  { prefix: 'ATATT', name: 'an Atlassian token', min: 20 },
  { prefix: 'NRAK-', name: 'a New Relic key', min: 16 },
  { prefix: 'sntrys_', name: 'a Sentry token', min: 16 },
  { prefix: 'pscale_tkn_', name: 'a PlanetScale token', min: 16 },
  { prefix: 'key-', name: 'a Mailgun key', min: 32 },
  { prefix: 'AGE-SECRET-KEY-', name: 'an age secret key', min: 20 },
];

// Words that name a credential when they END a parameter, flag or variable name (`api_key`, `--access-token`,
// `GITHUB_TOKEN`), and whole names that do (`apikey`). Matching the last word keeps `monkey`, `keyboard`,
// `--token-file` and `--key-env` out.
const CREDENTIAL_WORDS = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pat',
  'sig',
  'signature',
  'credential',
  'credentials',
  'accesstoken',
  'authtoken',
  'bearer',
]);
// Pagination cursors and similar tokens that are not credentials.
const NOT_CREDENTIAL_NAMES = new Set([
  'pagetoken',
  'nextpagetoken',
  'nexttoken',
  'synctoken',
  'continuationtoken',
  'cursortoken',
  'sortkey',
  'primarykey',
  'partitionkey',
  'publickey',
  'idempotencykey',
  'cachekey',
]);

const isAlnum = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Characters of a "word" for token checks: letters, digits, `_` and `-`. */
const isWordChar = (c: number): boolean => isAlnum(c) || c === 95 || c === 45;
/** Characters of a parameter or flag name: word characters, `.`, `[` and `]`. */
const isNameChar = (c: number): boolean => isWordChar(c) || c === 46 || c === 91 || c === 93;
const isSpace = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
// 0 digit, 1 upper, 2 lower.
const classOf = (c: number): number => (c <= 57 ? 0 : c <= 90 ? 1 : 2);

/** The words of a name, split at `_`, `-`, `.` and lower-to-upper humps, lowercased: `apiKey` -> [api, key]. */
function nameWords(name: string): string[] {
  const words: string[] = [];
  let current = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isAlnum(c)) {
      if (current) words.push(current);
      current = '';
      continue;
    }
    if (
      classOf(c) === 1 &&
      i > 0 &&
      classOf(name.charCodeAt(i - 1)) === 2 &&
      isAlnum(name.charCodeAt(i - 1)) &&
      current
    ) {
      words.push(current);
      current = '';
    }
    current += name[i]!.toLowerCase();
  }
  if (current) words.push(current);
  return words;
}

const credentialNames = new Map<string, boolean>();

/** Whether a parameter, flag or variable name says its value is a credential (`api_key`, `--access-token`, `GITHUB_TOKEN`). */
export function isCredentialName(name: string): boolean {
  if (name.length > 256) return credentialNameOf(name);
  // Remembered: a keystroke re-checks the same header, parameter and tool names (pure, so the same).
  const known = credentialNames.get(name);
  if (known !== undefined) return known;
  const answer = credentialNameOf(name);
  if (credentialNames.size >= 4096) credentialNames.clear();
  credentialNames.set(name, answer);
  return answer;
}

function credentialNameOf(name: string): boolean {
  const words = nameWords(name);
  const whole = words.join('');
  if (words.length === 0 || NOT_CREDENTIAL_NAMES.has(whole)) return false;
  return CREDENTIAL_WORDS.has(whole) || CREDENTIAL_WORDS.has(words[words.length - 1]!);
}

// Header names that carry a credential whatever their words (RFC 9110 sections 11.6.2 and 11.7.2, RFC 6265).
const AUTHORIZATION_HEADERS = new Set(['authorization', 'proxy-authorization']);
const CREDENTIAL_HEADERS = new Set([...AUTHORIZATION_HEADERS, 'cookie']);
// Last words of a header name that make it a credential, besides those of any name: X-Auth, X-Session.
const CREDENTIAL_HEADER_WORDS = new Set(['auth', 'authentication', 'session', 'cookie']);

/** Authorization or Proxy-Authorization: the headers that carry the sign-in itself. */
export function isAuthorizationHeader(name: string): boolean {
  return AUTHORIZATION_HEADERS.has(name.trim().toLowerCase());
}

/** Whether a header's name says its value is a credential: Authorization, Cookie, X-API-Key, X-Auth-Token, X-Session… */
export function isCredentialHeaderName(name: string): boolean {
  if (CREDENTIAL_HEADERS.has(name.trim().toLowerCase())) return true;
  const words = nameWords(name);
  return isCredentialName(name) || CREDENTIAL_HEADER_WORDS.has(words[words.length - 1] ?? '');
}

/** Values after a credential flag that are not the credential itself: file paths and short words. */
function isPathOrPlaceholder(value: string): boolean {
  return (
    isPlaceholder(value) ||
    value.length < 4 ||
    /^(\.{0,2}\/|~|[A-Za-z]:[\\/]|\\\\|file:)/.test(value)
  );
}

/** A word of letters, digits, `_` and `-` that starts with a known token prefix and is long enough to be one. */
function prefixHit(text: string, start: number, end: number): CredentialHit | undefined {
  for (const p of PREFIXES) {
    if (!text.startsWith(p.prefix, start)) continue;
    // A prefix with a dot (`ya29.`, `SG.`, `hvs.`) is followed by more words: measure up to the next blank.
    let last = end;
    if (p.prefix.includes('.'))
      while (last < text.length && (isWordChar(text.charCodeAt(last)) || text[last] === '.'))
        last++;
    if (last - start < p.prefix.length + p.min) continue;
    return { kind: 'prefix', reason: `it starts like ${p.name} (${p.prefix}…)`, index: start };
  }
  return undefined;
}

// Canonical UUIDs identify things (workspaces, projects) far more often than they authenticate.
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * A long random-looking word: at least 20 letters and digits whose character classes change every
 * three characters or sooner on average, as in hex (`a3f9c2_8b7e…`) and base62/64 keys. An upper-case
 * letter followed by lower case does not count as a change, so CamelCase names stay names, and
 * `_`/`-` separate without counting, so snake_case names with a version number stay names too.
 */
function randomHit(text: string, start: number, end: number): CredentialHit | undefined {
  let alnum = 0;
  let changes = 0;
  let prev = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isAlnum(c)) {
      prev = -1;
      continue;
    }
    alnum++;
    const cls = classOf(c);
    if (prev !== -1 && prev !== cls && !(prev === 1 && cls === 2)) changes++;
    prev = cls;
  }
  if (alnum < 20 || changes < 4 || alnum / (changes + 1) > 3) return undefined;
  if (end - start === 36 && UUID_RE.test(text.slice(start, end))) return undefined;
  // A content digest (`sha256:e3b0…`, `@sha256:…`) is public, not a key.
  if (/sha(1|256|384|512)[:=]$/i.test(text.slice(Math.max(0, start - 7), start))) return undefined;
  return {
    kind: 'random',
    reason: 'it is a long random-looking string, like an API key or token',
    index: start,
  };
}

/** `scheme://user:password@host`: a password in a URL's user info. Each authority scan stops at the next "/", so the work stays linear. */
function userinfoHits(text: string, out: CredentialHit[]): void {
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    let colon = -1;
    for (let i = at + 3; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 47 || c === 63 || c === 35 || c === 92 || isSpace(c)) break;
      if (c === 58 && colon === -1) colon = i;
      if (c === 64) {
        if (colon !== -1 && i > colon + 1 && !isPlaceholder(text.slice(colon + 1, i))) {
          out.push({
            kind: 'userinfo',
            reason: 'it holds a password in a URL (user:password@host)',
            index: at + 3,
          });
        }
        break;
      }
    }
  }
}

const isHex = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
// base64 and base64url: letters, digits, `+`, `/`, `-` and `_`.
const isBase64Char = (c: number): boolean =>
  isAlnum(c) || c === 43 || c === 47 || c === 45 || c === 95;

/** A content digest (`sha256:e3b0…`, `@sha256:…`) is public, not a key. */
const afterDigestLabel = (text: string, start: number): boolean =>
  /sha(1|256|384|512)[:=]$/i.test(text.slice(Math.max(0, start - 7), start));

/**
 * Random strings judged by their own alphabet, where the class-change test misses them:
 * - hex: a run of 32 or more hex digits holding a letter and a digit (128 bits or more: API keys,
 *   `vendor_live_` + 40 hex), unless it follows a digest label;
 * - base64 (and base64url): a run of 30 or more of its characters holding upper and lower case that
 *   either changes class (digit, upper, lower; upper to lower does not count) at least every fourth
 *   letter or digit, or whose Shannon entropy is at least 80 % of the most its length allows (AWS
 *   secret access keys, 32-byte keys). Paths, package names and CamelCase names fail both: their
 *   letters come in words.
 */
function alphabetHits(text: string, out: CredentialHit[]): void {
  let i = 0;
  while (i < text.length) {
    if (!isBase64Char(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isBase64Char(text.charCodeAt(end))) end++;
    const hit = hexRun(text, i, end) ?? base64Run(text, i, end);
    if (hit) out.push(hit);
    i = end;
  }
}

function hexRun(text: string, start: number, end: number): CredentialHit | undefined {
  let runStart = start;
  let letter = false;
  let digit = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : -1;
    if (c !== -1 && isHex(c)) {
      if (c <= 57) digit = true;
      else letter = true;
      continue;
    }
    const boundary = c === -1 || !isAlnum(c);
    const beforeOk = runStart === start || !isAlnum(text.charCodeAt(runStart - 1));
    if (i - runStart >= 32 && letter && digit && boundary && beforeOk) {
      if (!afterDigestLabel(text, runStart))
        return {
          kind: 'random',
          reason: 'it is a long random hexadecimal string, like an API key',
          index: runStart,
        };
    }
    runStart = i + 1;
    letter = false;
    digit = false;
  }
  return undefined;
}

function base64Run(text: string, start: number, end: number): CredentialHit | undefined {
  const length = end - start;
  if (length < 30) return undefined;
  let upper = 0;
  let lower = 0;
  let changes = 0;
  let prev = -1;
  const counts = new Map<number, number>();
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
    // Separators (`/`, `+`, `-`, `_`) neither count as a change nor break one: a path's words stay words.
    if (!isAlnum(c)) continue;
    const cls = classOf(c);
    if (cls === 1) upper++;
    else if (cls === 2) lower++;
    if (prev !== -1 && prev !== cls && !(prev === 1 && cls === 2)) changes++;
    prev = cls;
  }
  if (upper === 0 || lower === 0) return undefined;
  // Shannon entropy per character, against the most a string of this length can have.
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / length) * Math.log2(n / length);
  const spread = entropy / Math.log2(Math.min(length, 64));
  if (changes * 4 < length && spread < 0.8) return undefined;
  return {
    kind: 'random',
    reason: 'it is a long random base64 string, like a secret key',
    index: start,
  };
}

/** Known prefixes and random-looking strings, word by word (runs of letters, digits, `_` and `-`). */
function wordHits(text: string, out: CredentialHit[]): void {
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    const hit = prefixHit(text, i, end) ?? randomHit(text, i, end);
    if (hit) out.push(hit);
    i = end;
  }
}

/** `name=value` parts of one whitespace-separated token: the token itself and each query parameter after `?`, `&`, `;` or `#`. */
function assignmentHits(text: string, start: number, end: number, out: CredentialHit[]): void {
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (p !== start && c !== 63 && c !== 38 && c !== 59 && c !== 35) continue;
    const nameStart = p === start ? p : p + 1;
    let eq = nameStart;
    while (eq < end && eq - nameStart <= 64 && isNameChar(text.charCodeAt(eq))) eq++;
    if (eq >= end || text.charCodeAt(eq) !== 61 || eq === nameStart) continue;
    const name = text.slice(nameStart, eq);
    if (!isCredentialName(name)) continue;
    // A value ends at the next separator, `?` included: each character then belongs to one value at most,
    // which keeps a run like `?api_key=?api_key=…` linear (it was quadratic: 7 s on 100 KB).
    let valueEnd = eq + 1;
    for (
      let c = text.charCodeAt(valueEnd);
      valueEnd < end && c !== 38 && c !== 35 && c !== 59 && c !== 63;
      c = text.charCodeAt(++valueEnd)
    );
    const value = text.slice(eq + 1, valueEnd);
    if (!isPlaceholder(value)) {
      const flag = name.startsWith('-');
      out.push({
        kind: flag ? 'flag' : 'parameter',
        reason: flag
          ? `it follows the credential option ${name}`
          : `it sets the credential parameter ${name}`,
        index: eq + 1,
      });
    }
  }
}

/** A token without the quotes a pasted command line may leave around it. */
function unquote(token: string): string {
  let a = 0;
  let b = token.length;
  while (a < b && (token[a] === '"' || token[a] === "'")) a++;
  while (b > a && (token[b - 1] === '"' || token[b - 1] === "'")) b--;
  return token.slice(a, b);
}

/** Whitespace-separated tokens: `--token VALUE` and `Bearer VALUE` pairs, and `name=value` assignments. */
function pairHits(text: string, out: CredentialHit[]): void {
  const tokens: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    tokens.push([i, end]);
    i = end;
  }
  tokens.forEach(([start, end], t) => {
    assignmentHits(text, start, end, out);
    const next = tokens[t + 1];
    // A flag name is short, and so is any credential: longer tokens cannot form a pair.
    if (!next || end - start > 66 || next[1] - next[0] > 4096) return;
    const word = unquote(text.slice(start, end));
    const first = word.charCodeAt(0);
    const flag =
      first === 45 && /^-{1,2}[A-Za-z][A-Za-z0-9_.-]+$/.test(word) && isCredentialName(word);
    const scheme = (first === 66 || first === 98) && /^(bearer|basic)$/i.test(word);
    if (!flag && !scheme) return;
    const value = unquote(text.slice(next[0], next[1]));
    if (flag && !value.startsWith('-') && !isPathOrPlaceholder(value)) {
      out.push({
        kind: 'flag',
        reason: `it follows the credential option ${word}`,
        index: next[0],
      });
    } else if (scheme && value.length >= 8 && !isPlaceholder(value)) {
      out.push({
        kind: 'scheme',
        reason: `it is an Authorization value (${word} …)`,
        index: next[0],
      });
    }
  });
}

/** Every credential found in `text`, in order of position (at most `limit`). */
export function findCredentials(text: string, limit = 100): CredentialHit[] {
  const hits: CredentialHit[] = [];
  userinfoHits(text, hits);
  wordHits(text, hits);
  // The alphabet test reads `+`, `/` and `=` as part of a token; a spot a word test flagged is flagged once.
  const byWords = new Set(hits.map((h) => h.index));
  const more: CredentialHit[] = [];
  alphabetHits(text, more);
  hits.push(...more.filter((h) => !byWords.has(h.index)));
  pairHits(text, hits);
  return hits.sort((a, b) => a.index - b.index).slice(0, limit);
}

/**
 * Recent answers of findCredential, by text: a keystroke re-checks every field of the form, and all
 * but the one typed in hold the same strings as on the keystroke before. Short texts only (a field
 * value, not a pasted file); cleared when full. The function is pure, so answers are the same.
 */
const recent = new Map<string, CredentialHit | undefined>();
const RECENT_MAX = 4096;
const RECENT_TEXT_MAX = 2048;

/** The first credential found in `text`, with the reason, or undefined. */
export function findCredential(text: string): CredentialHit | undefined {
  if (text.length > RECENT_TEXT_MAX) return findCredentials(text, 1)[0];
  if (recent.has(text)) {
    const hit = recent.get(text);
    return hit && { ...hit };
  }
  const hit = findCredentials(text, 1)[0];
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(text, hit);
  return hit && { ...hit };
}

/** Heuristic: does this string look like (or hold) a credential rather than a name? */
export function looksLikeSecret(value: string): boolean {
  return findCredential(value) !== undefined;
}
