/**
 * The values a reader supplies for one remote or package of a server.json: URL template variables,
 * header and environment values, argument values. Secret inputs are listed but never asked for:
 * their values go into the reader's shell, never into the page's state, a file or a link.
 */
import type {
  ArgumentDef,
  InputDef,
  KeyValueDef,
  PackageDef,
  ServerJson,
  TransportDef,
} from './types.ts';
import { unsafeChar } from '../safety/unsafe-chars.ts';

/** One field the reader may fill in. `id` is stable: `url.tenant`, `header.X-Region`, `env.LOG_LEVEL`, `arg.p0`, `arg.r1.token`. */
export interface ReaderInput {
  id: string;
  label: string;
  description: string;
  required: boolean;
  secret: boolean;
  format: string;
  default: string;
  choices?: string[];
}

/** What the reader typed, by input id. */
export type InputValues = Readonly<Record<string, string>>;

function input(id: string, label: string, def: InputDef): ReaderInput {
  const out: ReaderInput = {
    id,
    label,
    description: def.description,
    required: def.isRequired,
    secret: def.isSecret,
    format: def.format,
    default: def.default ?? '',
  };
  if (def.choices) out.choices = def.choices;
  return out;
}

const TEMPLATE_VAR = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Names of the `{variables}` a template uses, in order, without repeats. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(TEMPLATE_VAR)].map((m) => m[1]!))];
}

const ANY_VAR = /\$?\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Names of every `{variable}` and `${VARIABLE}` in an argument or a package name, declared or not. */
export function argumentVariables(template: string): string[] {
  return [...new Set([...template.matchAll(ANY_VAR)].map((m) => m[1]!))];
}

/** A variable the file uses but never describes (or a `${VERSION}` never filled in): a required question. */
function undeclared(name: string): InputDef {
  return {
    description: `The server.json uses {${name}} here without saying what it is: enter its value (ask the author if unsure).`,
    isRequired: true,
    isSecret: false,
    format: 'string',
    variables: new Map(),
  };
}

/** Inputs of a value that may be fixed, a template, or chosen by the reader; `loose` asks for undeclared variables too. */
function valueInputs(id: string, label: string, def: InputDef, loose = false): ReaderInput[] {
  if (def.value === undefined) return [input(id, label, def)];
  if (!loose)
    return templateVariables(def.value)
      .filter((v) => def.variables.has(v))
      .map((v) => input(`${id}.${v}`, `${label}: {${v}}`, def.variables.get(v)!));
  return argumentVariables(def.value).map((v) =>
    input(`${id}.${v}`, `${label}: {${v}}`, def.variables.get(v) ?? undeclared(v)),
  );
}

function argumentInputs(args: readonly ArgumentDef[], prefix: 'r' | 'p'): ReaderInput[] {
  return args.flatMap((a, i) => {
    const label = a.type === 'named' ? `Argument ${a.name}` : `Argument <${a.valueHint}>`;
    // A boolean flag with a fixed value is not a question.
    return valueInputs(`arg.${prefix}${i}`, label, a, true);
  });
}

function transportInputs(t: TransportDef): ReaderInput[] {
  const vars = templateVariables(t.url)
    .filter((v) => t.variables.has(v))
    .map((v) => input(`url.${v}`, `URL part {${v}}`, t.variables.get(v)!));
  const headers = t.headers.flatMap((h: KeyValueDef) =>
    valueInputs(`header.${h.name}`, `Header ${h.name}`, h),
  );
  return [...vars, ...headers];
}

function packageInputs(p: PackageDef): ReaderInput[] {
  const unfilled = argumentVariables(`${p.identifier} ${p.version}`).map((v) =>
    input(`pkg.${v}`, `Package ${p.identifier}: {${v}}`, {
      ...undeclared(v),
      description: `The server.json was published with {${v}} never filled in: enter the value to run (such as a version, 1.2.0).`,
    }),
  );
  return [
    ...unfilled,
    ...argumentInputs(p.runtimeArguments, 'r'),
    ...argumentInputs(p.packageArguments, 'p'),
    ...p.environmentVariables.flatMap((e) =>
      valueInputs(`env.${e.name}`, `Variable ${e.name}`, e, true),
    ),
    ...(p.transport.type === 'streamable-http' ? transportInputs(p.transport) : []),
  ];
}

/** Every input of one choice (`remote:N` or `package:N`), secret ones included (flagged). */
export function inputsOf(server: ServerJson, choiceId: string): ReaderInput[] {
  const [kind, n] = choiceId.split(':');
  const index = Number(n);
  if (kind === 'remote' && server.remotes[index]) return transportInputs(server.remotes[index]);
  if (kind === 'package' && server.packages[index]) return packageInputs(server.packages[index]);
  return [];
}

/** Checks the reader's values: one message per input that needs fixing. Secret inputs are never checked here (never typed here). */
export function checkInputs(
  inputs: readonly ReaderInput[],
  values: InputValues,
): Map<string, string> {
  const problems = new Map<string, string>();
  for (const i of inputs) {
    if (i.secret) continue;
    const v = (Object.hasOwn(values, i.id) ? values[i.id] : undefined)?.trim() ?? '';
    if (v === '') {
      if (i.required && i.default === '')
        problems.set(
          i.id,
          `${i.label} is required: ${i.description ? `${i.description}.` : 'enter a value.'}`.replace(
            /\.\.$/,
            '.',
          ),
        );
      continue;
    }
    if (i.choices && !i.choices.includes(v))
      problems.set(i.id, `${i.label} must be one of: ${i.choices.join(', ')}.`);
    else if (i.format === 'number' && !/^-?\d+(\.\d+)?$/.test(v))
      problems.set(i.id, `${i.label} must be a number, such as 8080.`);
    else if (i.format === 'boolean' && v !== 'true' && v !== 'false')
      problems.set(i.id, `${i.label} must be true or false.`);
    else if (unsafeChar(v))
      problems.set(
        i.id,
        `${i.label} contains ${unsafeChar(v)!.label}, which can change what a pasted command does: remove it.`,
      );
  }
  return problems;
}
