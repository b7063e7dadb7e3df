/** Salvaging a remote (HTTP) entry: the URL, the bearer token variable, headers, OAuth and scopes. */
import { looksLikeSecret } from '../../safety/credentials.ts';
import type { Pair } from '../../generator/model.ts';
import { ENV_NAME_RE } from '../../generator/validate.ts';
import type { SalvageContext } from './salvage-context.ts';
import { isCredentialHeader, stripSecretQuery } from '../checks/secrets.ts';
import { isTable, type Table } from '../types.ts';
import {
  asString,
  asStrings,
  bearerToken,
  hasPlaceholder,
  placeholderVar,
  upperSnake,
} from '../checks/values.ts';

/** Fills the HTTP part of the spec from `t`, whose address is under `urlKey`. */
export function salvageHttp(t: Table, s: SalvageContext, urlKey: string): void {
  const { spec } = s;
  const stripped = stripSecretQuery(((t[urlKey] ?? '') as string).trim());
  spec.url = stripped.url;
  if (stripped.removed.length > 0) {
    s.changes.push(
      `Took ${stripped.removed.join(', ')} out of the URL query: a credential there sits in config.toml in plaintext. If the server accepts the key in a header, send it with bearer_token_env_var (Authorization: Bearer) or env_http_headers instead; otherwise put it back by hand, in plaintext.`,
    );
  }
  if (urlKey !== 'url') s.changes.push(`Renamed ${urlKey} to url.`);
  const headers = { bearer: salvageBearer(t, s), http: [] as Pair[], env: [] as Pair[] };
  salvageHeaders(t, s, headers);
  spec.bearerTokenEnvVar = headers.bearer;
  spec.httpHeaders = headers.http;
  spec.envHttpHeaders = headers.env;
  const oauth = t['oauth'];
  if (isTable(oauth)) {
    if (typeof oauth['client_id'] === 'string') spec.oauthClientId = oauth['client_id'];
    for (const k of Object.keys(oauth)) if (k !== 'client_id') s.notCarried.push(`oauth.${k}`);
  }
  if (typeof t['oauth_resource'] === 'string') spec.oauthResource = t['oauth_resource'];
  if (t['scopes'] !== undefined) {
    spec.scopes =
      typeof t['scopes'] === 'string'
        ? t['scopes'].split(/[\s,]+/).filter(Boolean)
        : asStrings(t['scopes']);
    if (typeof t['scopes'] === 'string') s.changes.push('scopes was one string; made it a list.');
  }
  spec.auth =
    headers.bearer !== ''
      ? 'bearer'
      : headers.http.length + headers.env.length > 0
        ? 'headers'
        : spec.oauthClientId !== '' || spec.scopes.length > 0
          ? 'oauth'
          : 'none';
}

/** The variable that holds the bearer token, from bearer_token_env_var or an inline bearer_token; '' for none. */
function salvageBearer(t: Table, s: SalvageContext): string {
  let bearer =
    typeof t['bearer_token_env_var'] === 'string' ? t['bearer_token_env_var'].trim() : '';
  if (bearer !== '' && !ENV_NAME_RE.test(bearer) && looksLikeSecret(bearer)) {
    const v = s.envVar('TOKEN');
    s.changes.push(
      `bearer_token_env_var held what looks like the token itself; it now names the variable ${v}. Export the token in ${v}.`,
    );
    s.exportLine(v, 'paste-your-token-here');
    bearer = v;
  }
  if (bearer !== '') s.used.add(bearer);
  if (typeof t['bearer_token'] === 'string') {
    const ref = placeholderVar(t['bearer_token']);
    if (bearer !== '')
      s.changes.push(
        'Dropped the inline bearer_token: bearer_token_env_var already names the variable holding the token.',
      );
    else if (ref) {
      bearer = ref;
      s.changes.push(
        `bearer_token = "${t['bearer_token']}" became bearer_token_env_var = "${ref}".`,
      );
    } else {
      bearer = s.envVar('TOKEN');
      s.changes.push(
        `The inline bearer_token became bearer_token_env_var = "${bearer}": export the token in ${bearer} (copy it from your old file) before starting Codex.`,
      );
      s.exportLine(bearer, 'paste-your-token-here');
    }
  }
  return bearer;
}

interface Headers {
  bearer: string;
  http: Pair[];
  env: Pair[];
}

/** http_headers (and the `headers` Codex ignores), then env_http_headers; the first spelling of a header wins. */
function salvageHeaders(t: Table, s: SalvageContext, out: Headers): void {
  const taken = new Set<string>();
  for (const hk of ['http_headers', 'headers'] as const) {
    const headers = t[hk];
    if (!isTable(headers)) continue;
    if (hk === 'headers')
      s.changes.push('Renamed headers (which Codex ignores) to http_headers / env_http_headers.');
    for (const [h, raw] of Object.entries(headers)) {
      const v = asString(raw);
      if (v === undefined || taken.has(h.toLowerCase())) continue;
      taken.add(h.toLowerCase());
      salvageHeader(h, v, s, out);
    }
  }
  if (isTable(t['env_http_headers'])) {
    for (const [h, raw] of Object.entries(t['env_http_headers'])) {
      const v = asString(raw);
      if (v === undefined || taken.has(h.toLowerCase())) continue;
      taken.add(h.toLowerCase());
      out.env.push({ name: h, value: v.trim() });
      s.used.add(v.trim());
    }
  }
}

/** One literal header: a Bearer token, a variable reference or a credential moves to a variable; others stay. */
function salvageHeader(h: string, v: string, s: SalvageContext, out: Headers): void {
  const token = bearerToken(v);
  const ref = placeholderVar(v);
  if (h.toLowerCase() === 'authorization' && token) {
    const tokenRef = placeholderVar(token);
    if (out.bearer !== '') {
      s.changes.push(
        `Dropped the Authorization header: bearer_token_env_var (${out.bearer}) already sends a Bearer token.`,
      );
    } else if (tokenRef) {
      out.bearer = tokenRef;
      s.used.add(tokenRef);
      s.changes.push(
        `Authorization: Bearer ${token} became bearer_token_env_var = "${tokenRef}" (Codex never expands \${...} in headers).`,
      );
    } else {
      out.bearer = s.envVar('TOKEN');
      s.changes.push(
        `Moved the Bearer token out of the file: bearer_token_env_var = "${out.bearer}". Export the token (without "Bearer ") in ${out.bearer}.`,
      );
      s.exportLine(out.bearer, 'paste-your-token-here');
    }
  } else if (ref) {
    out.env.push({ name: h, value: ref });
    s.used.add(ref);
    s.changes.push(
      `Header ${h} = "${v}" became env_http_headers (${h} from ${ref}): Codex never expands variables in header values.`,
    );
  } else if (hasPlaceholder(v) || isCredentialHeader(h, v)) {
    const varName = s.envVar(upperSnake(h).replace(/^X_/, '') || 'HEADER');
    out.env.push({ name: h, value: varName });
    s.changes.push(
      hasPlaceholder(v)
        ? `Header ${h} = "${v}" became env_http_headers: ${varName} must hold the whole header value.`
        : `Moved the credential in header ${h} out of the file: env_http_headers reads it from ${varName}. Export it with the value from your old file.`,
    );
    s.exportLine(varName, 'paste-the-header-value-here');
  } else out.http.push({ name: h, value: v });
}
