/**
 * "No browser on this machine": the switch (OAuth sign-in methods only) and the steps it gives,
 * whose order and text come from src/lib/generator/headless.ts. Loaded with the engine (engine.ts),
 * so none of it is on a guide's critical path.
 */
import type { Diagnostic } from '../../lib/generator/model.ts';
import type { Outputs } from '../../lib/generator/generate.ts';
import type { HeadlessStep } from '../../lib/generator/headless.ts';
import type { SettingsForm } from '../../lib/input/settings-form.ts';
import type { Shell } from '../../lib/generator/shells.ts';
import { trimEndTokens } from '../../lib/generator/tokens.ts';
import { OutputBlock } from '../shared/OutputBlock.tsx';
import { InlineCode } from '../shared/fields.tsx';

interface SwitchProps {
  id: string;
  settings: SettingsForm;
  setSettings: (update: (s: SettingsForm) => SettingsForm) => void;
  errorsOf: (key: string) => Diagnostic[];
}

/** The checkbox, with what it changes said beside it. */
export function HeadlessSwitch({ id, settings, setSettings, errorsOf }: SwitchProps) {
  const box = `${id}-headless`;
  const messages = errorsOf('settings.headless');
  const described = [`${box}-help`, messages.length > 0 ? `${box}-msg` : ''].join(' ').trim();
  return (
    <div class="cmg-field cmg-check cmg-headless">
      <input
        type="checkbox"
        id={box}
        checked={settings.headless === 'on'}
        aria-describedby={described}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          setSettings((s) => ({ ...s, headless: on ? 'on' : '' }));
        }}
      />
      <label for={box}>No browser on this machine</label>
      <p class="cmg-help" id={`${box}-help`}>
        SSH, a container, a server: the steps keep the token in a file, add the server without
        signing in, then sign in with a browser elsewhere.
      </p>
      {messages.length > 0 && (
        <ul class="cmg-messages" id={`${box}-msg`}>
          {messages.map((m) => (
            <li class={`cmg-msg cmg-${m.severity}`}>
              <strong>{m.severity === 'error' ? 'Error: ' : 'Warning: '}</strong>
              <InlineCode text={m.message} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const SHELLS: [Shell, string][] = [
  ['posix', 'bash / zsh'],
  ['fish', 'fish'],
  ['powershell', 'PowerShell'],
];

interface StepsProps {
  steps: HeadlessStep[];
  outputs: Outputs;
  shell: Shell;
  hydrated: boolean;
  announce: (message: string) => void;
  onStale: (message: string) => void;
}

/** The numbered steps for a machine without a browser. */
export function HeadlessSteps(props: StepsProps) {
  const { steps, outputs, shell, hydrated, announce, onStale } = props;
  const block = { interactive: hydrated, onCopied: announce, onStale };
  return (
    <ol class="cmg-steps" data-headless>
      {steps.map((step) => (
        <li data-step={step.id}>
          <h3>{step.title}</h3>
          {step.paragraphs.map((p) => (
            <p>
              <InlineCode text={p} />
            </p>
          ))}
          {step.id === 'env' &&
            outputs.tokens.env &&
            SHELLS.map(([s, label]) => (
              <OutputBlock
                kind={s === 'posix' ? 'env' : `env-${s}`}
                title={`Environment (${label})`}
                tokens={trimEndTokens(outputs.tokens.env![s])}
                hidden={shell !== s}
                {...block}
              />
            ))}
          {step.blocks.map((b) => (
            <OutputBlock
              kind={b.kind}
              title={b.title}
              tokens={trimEndTokens(b.tokens)}
              {...block}
            />
          ))}
          {step.notes?.map((p) => (
            <p>
              <InlineCode text={p} />
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
