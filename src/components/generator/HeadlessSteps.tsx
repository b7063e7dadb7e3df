/**
 * The numbered steps for a machine without a browser, whose order and text come from
 * src/lib/generator/headless.ts. Loaded only when "No browser on this machine" is on, so neither
 * a guide's critical path nor its first interaction carries them.
 */
import type { Outputs } from '../../lib/generator/generate.ts';
import type { HeadlessStep } from '../../lib/generator/headless.ts';
import type { Shell } from '../../lib/generator/shells.ts';
import { trimEndTokens } from '../../lib/generator/tokens.ts';
import { OutputBlock } from '../shared/OutputBlock.tsx';
import { InlineCode } from '../shared/fields.tsx';

export { headlessOf } from '../../lib/generator/headless.ts';

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
