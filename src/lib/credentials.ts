/**
 * What counts as a credential, in one place: the generator's field checks, the share-link encoder
 * (which withholds anything flagged here) and the config doctor all ask this module.
 */

// Prefixes of well-known token formats (OpenAI, GitHub, Slack, GitLab, Stripe, JWT...).
// Case-sensitive: these prefixes are lowercase in real tokens, while names like GITHUB_PAT_TOKEN are not keys.
const TOKEN_PREFIX_RE = /^(sk-|sk_|pk_|rk_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abpr]-|eyJ|[Bb]earer\s|[Bb]asic\s)/;

/** Heuristic: does this string look like a credential rather than a name? */
export function looksLikeSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 12) return false;
  if (TOKEN_PREFIX_RE.test(v)) return true;
  // Long, dense, mixed-case-and-digit strings are keys; UPPER_SNAKE names are not.
  const hasLower = /[a-z]/.test(v);
  const hasUpper = /[A-Z]/.test(v);
  const hasDigit = /[0-9]/.test(v);
  return v.length >= 20 && hasDigit && hasLower && (hasUpper || !/_/.test(v));
}

