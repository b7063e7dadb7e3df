/**
 * The top-level keys of config.toml that Codex checks by value: the enums (approval_policy,
 * sandbox_mode…, src/lib/codex/top-level.ts) and the plain strings, booleans, integers and string
 * arrays (model, hide_agent_reasoning, model_context_window, notify…, top-level-types.ts). A value
 * Codex refuses refuses the whole file, in Codex's own words, at the key's line.
 */
import { parse } from 'smol-toml';
import { TOP_LEVEL_ENUMS, topLevelRefusal } from '../../codex/top-level.ts';
import {
  FURTHER_RULES,
  TOP_LEVEL_TYPES,
  topLevelTypeRefusal,
  type ScalarType,
} from '../../codex/top-level-types.ts';
import type { TomlStatement } from '../../config-file/toml-scan.ts';
import { display } from '../schema.ts';
import type { Finding, Table } from '../types.ts';
import { fileRefusal } from './file-refusal.ts';

/** The findings, and the keys judged (the rest stay among the keys not checked). */
export function checkTopLevel(
  doc: Table,
  statements: TomlStatement[] | null,
  text: string,
): { findings: Finding[]; checked: Set<string> } {
  const findings: Finding[] = [];
  const checked = new Set<string>();
  const exact = exactValues(text);
  const refuse = (key: string, message: string, codexMessage?: string) => {
    checked.add(key);
    findings.push(fileRefusal(statements, [key], key, message, codexMessage));
  };
  for (const [key, value] of Object.entries(doc)) {
    if (Object.hasOwn(TOP_LEVEL_ENUMS, key)) {
      const refusal = topLevelRefusal(key, value);
      const values = TOP_LEVEL_ENUMS[key] as readonly string[];
      if (refusal === null) {
        // A table of several keys is not judged: it stays among the keys not checked.
        if (typeof value === 'string') checked.add(key);
        continue;
      }
      refuse(
        key,
        `\`${key} = ${display(value)}\` is not a value Codex knows, so Codex refuses the whole file (every server with it). Use one of ${values.map((v) => `"${v}"`).join(', ')}.`,
        refusal,
      );
      continue;
    }
    const type = Object.hasOwn(TOP_LEVEL_TYPES, key) ? TOP_LEVEL_TYPES[key] : undefined;
    if (type === undefined) continue;
    const v = hasNumber(value) ? exact()?.[key] : value;
    // The text could not be read again with exact integers: an integer and a float look alike.
    if (v === undefined) continue;
    const refusal = topLevelTypeRefusal(key, v);
    if (refusal === null) {
      if (!FURTHER_RULES.has(key)) checked.add(key);
      continue;
    }
    refuse(
      key,
      `\`${key} = ${display(value)}\` is not ${wanted(type)}, so Codex refuses the whole file (every server with it). ${fix(key, type, v)}`,
      refusal.codexMessage,
    );
  }
  return { findings, checked };
}

/** The document read again with every integer as a bigint (so `5` and `5.0` differ), once, on demand. */
function exactValues(text: string): () => Table | null {
  let doc: Table | null | undefined;
  return () => {
    if (doc === undefined) {
      try {
        doc = parse(text, { integersAsBigInt: true }) as Table;
      } catch {
        doc = null;
      }
    }
    return doc;
  };
}

const hasNumber = (v: unknown): boolean =>
  typeof v === 'number' || (Array.isArray(v) && v.some((x) => typeof x === 'number'));

function wanted(type: ScalarType): string {
  switch (type) {
    case 'a string':
      return 'a string';
    case 'a boolean':
      return 'true or false';
    case 'strings':
      return 'an array of strings';
    case 'i64':
      return 'a whole number';
    case 'u16':
      return 'a whole number from 0 to 65535';
    default:
      return 'a whole number, 0 or more';
  }
}

/** What to write instead (`value` in exact form: integers as bigint), with the value itself when it is plainly meant. */
function fix(key: string, type: ScalarType, value: unknown): string {
  const s = typeof value === 'string' ? value.trim() : null;
  switch (type) {
    case 'a string':
      return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean'
        ? `Put the value in quotes: \`${key} = "${String(value)}"\`.`
        : `Write one string, in quotes: \`${key} = "…"\`.`;
    case 'a boolean':
      return s === 'true' || s === 'false'
        ? `Write it without quotes: \`${key} = ${s}\`.`
        : `Write \`${key} = true\` or \`${key} = false\`, without quotes.`;
    case 'strings':
      return typeof value === 'string'
        ? `Write it as an array, each item in quotes: \`${key} = [${JSON.stringify(value)}]\`.`
        : `Write an array with every item in quotes, such as \`${key} = ["a", "b"]\`.`;
    default:
      return s !== null && /^\d+$/.test(s) && (type !== 'u16' || Number(s) <= 65_535)
        ? `Write the number without quotes: \`${key} = ${s}\`.`
        : typeof value === 'number'
          ? `Write ${wanted(type)}, without a decimal point.`
          : `Write ${wanted(type)}${typeof value === 'bigint' ? '' : ', without quotes'}.`;
  }
}
