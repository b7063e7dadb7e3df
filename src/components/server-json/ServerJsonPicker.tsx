/**
 * Paste a server.json, see how it was read (each problem with its JSON path), pick one remote or
 * package, and (optionally) fill in its non-secret inputs. Shared by the generator's import and the
 * authors' page. The engine loads on first focus, so the pages pay nothing until it is used.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Provider } from '../../lib/input/provider.ts';
import type { Conversion, ReaderInput, ServerJsonReport } from '../../lib/server-json/index.ts';
import { Choice, Text } from '../shared/fields.tsx';

type Engine = typeof import('./server-json-engine.ts');
let loading: Promise<Engine> | undefined;
/** Loads the server.json engine once per page. */
export const loadServerJsonEngine = (): Promise<Engine> =>
  (loading ??= import('./server-json-engine.ts'));

/** What the picker currently holds, for the island around it. */
export interface Picked {
  engine: Engine;
  report: ServerJsonReport;
  conversion: Conversion | null;
  /** Problems with the reader's inputs, by input id; the conversion is not to be used while any remain. */
  problems: Map<string, string>;
  inputs: ReaderInput[];
}

interface Props {
  provider: Provider;
  id: string;
  /** Ask for the non-secret inputs (the reader's own values); authors leave them to their readers. */
  askInputs: boolean;
  onPick: (picked: Picked | null) => void;
}

const NO_VALUES: Record<string, string> = {};
const SAMPLE_HELP =
  'Paste the whole file, from { to }. It stays in this page: nothing is sent or stored.';

export function ServerJsonPicker({ provider, id, askInputs, onPick }: Props) {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [text, setText] = useState('');
  const [choiceId, setChoiceId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const wake = () => {
    if (!engine) loadServerJsonEngine().then(setEngine, () => undefined);
  };

  const report = useMemo(
    () => (engine && text.trim() !== '' ? engine.readServerJson(provider, text) : null),
    [engine, provider, text],
  );
  const chosen =
    report && report.choices.some((c) => c.choice.id === choiceId && c.choice.supported)
      ? choiceId
      : (report?.preferred ?? null);
  const inputs = useMemo(
    () => (engine && report?.server && chosen ? engine.inputsOf(report.server, chosen) : []),
    [engine, report, chosen],
  );
  const asked = useMemo(() => (askInputs ? values : NO_VALUES), [askInputs, values]);
  const problems = useMemo(
    () => (engine && askInputs ? engine.checkInputs(inputs, asked) : new Map<string, string>()),
    [engine, inputs, asked, askInputs],
  );
  const conversion = useMemo(
    () =>
      engine && report?.server && chosen
        ? engine.convertChoice(provider, report.server, chosen, asked)
        : null,
    [engine, provider, report, chosen, asked],
  );

  useEffect(
    () => onPick(engine && report ? { engine, report, conversion, problems, inputs } : null),
    [engine, report, conversion, problems, inputs],
  );

  const diagnostics = report?.diagnostics ?? [];
  const fillable = inputs.filter((i) => !i.secret);
  return (
    <div class="cmg-form" onFocusIn={wake} onPointerDown={wake}>
      <Text
        id={`${id}-paste`}
        label="server.json"
        value={text}
        multiline
        help={SAMPLE_HELP}
        onInput={(v) => (wake(), setText(v))}
        messages={diagnostics.map((d) => ({
          field: d.path,
          severity: d.severity,
          message: `${d.path}: ${d.message}`,
        }))}
      />
      {report?.server && (
        <p class="cmg-help" data-sj="read">
          Read as schema{' '}
          {report.server.schema === 'unknown'
            ? '2025-12-11 (the newest; $schema names no published version)'
            : report.server.schema}
          : {report.server.title || report.server.name}
          {report.server.version ? ` ${report.server.version}` : ''}. {report.reason}
        </p>
      )}
      {report && report.choices.length > 0 && (
        <Choice
          id={`${id}-choice`}
          legend="Connect through"
          value={chosen ?? ''}
          options={report.choices.map((c) => ({
            value: c.choice.id,
            label: c.choice.label,
            help: c.choice.supported ? '' : c.choice.why,
          }))}
          onChange={(v) => setChoiceId(v)}
          messages={[]}
        />
      )}
      {conversion && conversion.runs !== '' && (
        <div class="sj-runs" data-sj="runs">
          <p>
            {conversion.form.mode === 'local'
              ? 'Codex will start exactly this command:'
              : 'Codex will connect to:'}
          </p>
          <pre class="cmg-pre" tabIndex={0} aria-label="What Codex will run" data-output="sj-runs">
            <code>{conversion.runs}</code>
          </pre>
          {conversion.warnings.length > 0 && (
            <div class="cmg-notice" data-sj="warnings">
              <p>
                <strong>Check before you add it:</strong> this command does more than start the
                server.
              </p>
              <ul>
                {conversion.warnings.map((w) => (
                  <li>
                    <code>{w.flag}</code>: {w.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {askInputs &&
        fillable.map((i) => (
          <Text
            id={`${id}-in-${i.id.replace(/[^A-Za-z0-9_-]/g, '_')}`}
            label={`${i.label}${i.required ? '' : ' (optional)'}`}
            value={values[i.id] ?? ''}
            placeholder={i.default}
            help={[
              i.description,
              i.choices ? `One of: ${i.choices.join(', ')}.` : '',
              i.default ? `Empty uses ${i.default}.` : '',
            ]
              .filter(Boolean)
              .join(' ')}
            onInput={(v) => setValues((all) => ({ ...all, [i.id]: v }))}
            messages={
              problems.has(i.id)
                ? [{ field: i.id, severity: 'error', message: problems.get(i.id)! }]
                : []
            }
          />
        ))}
    </div>
  );
}
