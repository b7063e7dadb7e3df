/**
 * "Add to Codex" for server authors: the prefilled generator link (a share link plus a `from` key
 * naming the server and its server.json version) and a README section in Markdown.
 * A link is built only by `encodeShare`, so it carries exactly what any share link carries: never a
 * secret field, never a value that looks like a credential.
 */
import { generate } from '../generator/generate.ts';
import type { FormState, Provider } from '../input/provider.ts';
import { specFromForm } from '../input/provider.ts';
import { encodeShare, FROM_KEY } from '../share/share.ts';
import type { Conversion } from './convert.ts';
import { envLines } from '../generator/env.ts';
import type { EnvVarSpec, ServerSpec } from '../generator/model.ts';
import type { ServerJson } from './types.ts';
import { argvWarnings, type CommandWarning } from './review.ts';

/** Where the "any MCP server" generator lives on this site. */
export const GENERATOR_PATH = '/guides/custom/';
/** Where the badge image is served. */
export const BADGE_PATH = '/badges/add-to-codex.svg';
export { FROM_KEY };

/** `io.github.user/server@1.2.0`, the server.json's name and version. */
export function fromValue(server: ServerJson): string {
  return server.version ? `${server.name}@${server.version}` : server.name;
}

/**
 * The fragment (no `#`) that opens the generator prefilled with a conversion: the share-link codec's
 * own output (allowlisted keys, the final link scanned for credentials, flagged fields withheld and
 * named), plus `from` naming the server.json it came from. Nothing is put back after that scan.
 */
export function prefillFragment(
  provider: Provider,
  server: ServerJson,
  conversion: Conversion,
): { fragment: string; withheld: string[] } {
  const { params, withheld } = encodeShare(provider, conversion.form);
  const out = new URLSearchParams(params);
  out.set(FROM_KEY, fromValue(server));
  return { fragment: out.toString(), withheld };
}

/** The whole link to the prefilled generator on a site origin such as `https://codex-mcp.example`. */
export function prefillLink(
  origin: string,
  provider: Provider,
  server: ServerJson,
  conversion: Conversion,
): string {
  return `${origin.replace(/\/+$/, '')}${GENERATOR_PATH}#${prefillFragment(provider, server, conversion).fragment}`;
}

/** Markdown and HTML snippets that show the badge and link to the prefilled generator. */
export function badgeSnippets(origin: string, link: string): { markdown: string; html: string } {
  const img = `${origin.replace(/\/+$/, '')}${BADGE_PATH}`;
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return {
    markdown: `[![Add to Codex](${img})](${link})`,
    html: `<a href="${escape(link)}"><img src="${escape(img)}" alt="Add to Codex" height="28"></a>`,
  };
}

/** A fenced block whose fence is longer than any run of backticks inside, so no value can close it. */
export function fence(lang: string, body: string): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${lang}\n${body.trimEnd()}\n${ticks}`;
}

/** Text as Markdown shows it literally: every character Markdown or HTML would read is escaped. */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]()<>#!|~&]/g, '\\$&');
}

/** The warnings a README section and a prefilled page show, as a Markdown list (empty when none). */
function warningLines(warnings: readonly CommandWarning[]): string[] {
  if (warnings.length === 0) return [];
  return [
    '**Check before you add it:** this command does more than start the server:',
    '',
    ...warnings.map((w) => `- ${markdownText(w.message)}`),
    '',
  ];
}

/**
 * The variables a README section lists: the generator's, except those the import exports itself with
 * the server.json's values (header variables), then the import's.
 */
export function readmeVariables(
  spec: ServerSpec,
  conversion: Conversion,
): (EnvVarSpec | Conversion['exports'][number])[] {
  return [
    ...spec.envVarLines.filter((l) => !conversion.exports.some((e) => e.name === l.name)),
    ...conversion.exports,
  ];
}

/** The README section for a server author: what to run, the TOML block, the variables, the check. Null while the form has errors. */
export function readmeSection(
  origin: string,
  provider: Provider,
  server: ServerJson,
  conversion: Conversion,
): string | null {
  const spec = specFromForm(provider, conversion.form);
  const outputs = generate(spec).outputs;
  if (!outputs) return null;
  const title = markdownText(server.title || outputs.name);
  const link = prefillLink(origin, provider, server, conversion);
  const parts = [`## Use ${title} with Codex`, '', badgeSnippets(origin, link).markdown, ''];
  parts.push(...warningLines(conversion.warnings));
  const vars = readmeVariables(spec, conversion);
  const env = envLines(vars);
  if (env)
    parts.push(
      'Set these variables in the shell that starts Codex (replace the placeholders):',
      '',
      fence('sh', env.posix),
      '',
    );
  if (outputs.cli.posix && outputs.cli.mode === 'full') {
    parts.push(
      'Add the server with one command:',
      '',
      fence('sh', outputs.cli.posix),
      '',
      `Or add this table to \`${outputs.configPath}\`:`,
      '',
    );
  } else if (outputs.cli.posix) {
    const keys = outputs.cli.missing.map((k) => `\`${k}\``).join(', ');
    parts.push(
      'Add the server with one command:',
      '',
      fence('sh', outputs.cli.posix),
      '',
      `The command cannot set ${keys}: add them to the table it writes in \`${outputs.configPath}\`, or add this whole table instead:`,
      '',
    );
  } else {
    parts.push(
      `Add this table to \`${outputs.configPath}\` (\`codex mcp add\` has no flag for some of its keys):`,
      '',
    );
  }
  parts.push(fence('toml', outputs.toml), '');
  if (outputs.login) parts.push('Then sign in:', '', fence('sh', outputs.login), '');
  parts.push('Check that Codex loaded it:', '', fence('sh', outputs.verify), '');
  return parts.join('\n');
}

/** What the command a prefilled link holds does beyond starting one package: read from the form alone. */
export function prefillWarnings(provider: Provider, form: FormState): CommandWarning[] {
  if (form.mode !== 'local') return [];
  const spec = specFromForm(provider, form);
  return argvWarnings(spec.command, spec.args);
}

/**
 * What a reader who opened a prefilled link must still add, read from the generator's state alone
 * (a link carries no more): `{placeholders}` to replace, variables to export.
 */
export function prefillTodo(form: FormState): string[] {
  const todo: string[] = [];
  const holes = (text: string) => [...new Set(text.match(/\{[A-Za-z_][A-Za-z0-9_-]*\}/g) ?? [])];
  if (form.mode !== 'local') {
    for (const h of holes(form.params['url'] ?? '')) todo.push(`Replace ${h} in Server URL.`);
    if (form.mode === 'token' && form.envVar.trim() !== '')
      todo.push(`Export ${form.envVar.trim()} with your token before starting Codex.`);
    for (const line of form.envHeaders.split('\n')) {
      const [header, variable] = line.split(':').map((s) => s.trim());
      if (header && variable)
        todo.push(`Export ${variable} with the value of the ${header} header.`);
    }
  } else {
    for (const h of holes(form.args)) todo.push(`Replace ${h} in Arguments.`);
    const vars = form.envVars
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (vars.length > 0)
      todo.push(`Export the variables the server reads before starting Codex: ${vars.join(', ')}.`);
  }
  return todo;
}
