/**
 * The remote (streamable HTTP) half of resolve.ts: URL, bearer token variable, headers, OAuth.
 * Never throws: every problem becomes a diagnostic naming its field and the fix.
 */
import { findCredentials, isCredentialHeaderName } from '../safety/credentials.ts';
import type { HttpEntry, ServerSpec } from './model.ts';
import { mentionsVariable, variableReference, withoutAuthScheme } from '../safety/placeholders.ts';
import { Collector, pairsToRecord, words } from './resolve-common.ts';
import { checkText, checkUrl } from './validate.ts';

/** Warns about a credential in a URL's query or path; a password in its user info already has checkUrl's warning. */
function urlCredential(url: string, label: string, field: string, out: Collector): void {
  const hit = findCredentials(url).find((h) => h.kind !== 'userinfo');
  if (hit)
    out.warn(
      field,
      `${label} carries a credential: ${hit.reason}. Codex keeps the URL in config.toml in plaintext: send the credential in a header from an environment variable, or with a bearer token variable, if the server accepts one.`,
    );
}

/**
 * Checks one OAuth scope. The login command is one block for every shell, so a scope may not hold a
 * character that is special inside single quotes in one of them: `'` (all), `\` (fish), typographic
 * single quotes (PowerShell). OAuth scope tokens (RFC 6749 section 3.3) are ASCII without `"` or `\` anyway.
 */
function checkScope(w: string, i: number): string | undefined {
  const label = `Scope #${i + 1}`;
  const bad = checkText(w, label);
  if (bad) return bad;
  if (/[\s,]/.test(w))
    return `${label} "${w}" contains a space or comma: enter one scope per entry.`;
  const quote = /['\\\u2018-\u201b]/.exec(w);
  if (quote) {
    return `${label} "${w}" contains ${quote[0]}, which the login command cannot carry the same way in bash, zsh, fish and PowerShell: enter the scope as your provider documents it, without quotes or backslashes.`;
  }
  return undefined;
}

/**
 * Warnings on literal headers, each at its value: a variable reference (Codex sends it as typed),
 * or a credential by its name (Authorization, Cookie, X-API-Key…), which config.toml would hold in plaintext.
 */
function literalHeaderWarnings(spec: ServerSpec, out: Collector): void {
  spec.httpHeaders.forEach((pair, i) => {
    const name = pair.name.trim();
    const at = `httpHeaders.${i}.value`;
    if (mentionsVariable(pair.value)) {
      out.warn(
        at,
        `Header ${name} holds "${pair.value}": Codex sends it literally and never expands variables. Use an env-sourced header instead.`,
      );
    } else if (
      pair.value !== '' &&
      isCredentialHeaderName(name) &&
      !variableReference(withoutAuthScheme(pair.value))
    ) {
      out.warn(
        at,
        `Header ${name} is written into config.toml in plaintext: anyone who can read the file can use it. Move it to an environment-sourced header (env_http_headers), whose value Codex reads from a variable you export.`,
      );
    }
  });
}

/** The two header tables, checked alone and against each other and the bearer token variable. */
function resolveHeaders(spec: ServerSpec, entry: HttpEntry, out: Collector): void {
  const headers = pairsToRecord(spec.httpHeaders, 'httpHeaders', 'header', out);
  if (headers) entry.http_headers = headers;
  const envHeaders = pairsToRecord(spec.envHttpHeaders, 'envHttpHeaders', 'env-header', out);
  if (envHeaders) entry.env_http_headers = envHeaders;
  if (headers && envHeaders) {
    for (const name of Object.keys(envHeaders)) {
      if (Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase())) {
        out.error(
          'envHttpHeaders',
          `Header ${name} is set both as a literal and from a variable: keep one.`,
        );
      }
    }
  }
  const sendsAuthorization = [...Object.keys(headers ?? {}), ...Object.keys(envHeaders ?? {})].some(
    (h) => h.toLowerCase() === 'authorization',
  );
  if (entry.bearer_token_env_var !== undefined && sendsAuthorization) {
    out.warn(
      'bearerTokenEnvVar',
      'Both a bearer token variable and an Authorization header are set: the server receives two credentials. Keep one.',
    );
  }
  if (spec.auth === 'headers' && !headers && !envHeaders) {
    out.error(
      'httpHeaders',
      'Header authentication needs at least one header: add the header your provider expects.',
    );
  }
  literalHeaderWarnings(spec, out);
}

/** OAuth scopes, resource and client id. */
function resolveOauth(spec: ServerSpec, entry: HttpEntry, out: Collector): void {
  if (spec.scopes.length > 0) {
    const scopes = words(spec.scopes, 'scopes', 'Scope', out, checkScope);
    if (scopes) entry.scopes = scopes;
  }
  const resource = spec.oauthResource.trim();
  if (resource !== '') {
    const r = checkUrl(resource, 'OAuth resource');
    out.error('oauthResource', r.error);
    urlCredential(resource, 'OAuth resource', 'oauthResource', out);
    entry.oauth_resource = resource;
  }
  const clientId = spec.oauthClientId.trim();
  if (clientId !== '') {
    out.credential(
      'oauthClientId',
      clientId,
      'OAuth client ID',
      'A client ID is public, so if that is what this is, keep it; a client secret or token does not go in this field.',
    );
    out.error(
      'oauthClientId',
      checkText(clientId, 'OAuth client ID') ??
        (/\s/.test(clientId)
          ? 'OAuth client ID contains spaces: paste it exactly as your provider shows it.'
          : undefined),
    );
    entry.oauth = { client_id: clientId };
  }
  if (spec.auth !== 'oauth' && (clientId !== '' || spec.scopes.length > 0)) {
    out.warn(
      'auth',
      'OAuth settings are filled in but the authentication is not OAuth: they are written but only used by `codex mcp login`.',
    );
  }
}

/** Resolves the remote half of a spec into an HttpEntry, adding diagnostics to `out`. */
export function resolveHttp(spec: ServerSpec, out: Collector): HttpEntry {
  const url = spec.url.trim();
  const u = checkUrl(url);
  // A URL the form's boundary refused already has its message at the field (read-form.ts).
  if (!spec.inputNotes?.some((n) => n.field === 'url' && n.severity === 'error'))
    out.error('url', u.error);
  u.warnings.forEach((w) => out.warn('url', w));
  urlCredential(url, 'URL', 'url', out);
  const entry: HttpEntry = { url };

  const bearer = spec.bearerTokenEnvVar.trim();
  if (bearer !== '') {
    out.env('bearerTokenEnvVar', bearer, 'Bearer token variable');
    entry.bearer_token_env_var = bearer;
  } else if (spec.auth === 'bearer') {
    out.error(
      'bearerTokenEnvVar',
      'Bearer token variable is required for token authentication: enter the name of the variable holding the token.',
    );
  }
  resolveHeaders(spec, entry, out);
  resolveOauth(spec, entry, out);
  return entry;
}
