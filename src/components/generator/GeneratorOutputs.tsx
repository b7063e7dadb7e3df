/**
 * The generator's outputs: the steps (variables, command or TOML block, sign-in, check) for the
 * chosen shell, and the shell and Codex version choices the form shows first (`ViewChoices`).
 * Stateless: the island owns the state.
 */
import type { ComponentChildren } from 'preact';
import type { Generated, Standalone } from '../../lib/generator/generate.ts';
import type { Release } from '../../lib/codex/releases.ts';
import type { HeadlessStep } from '../../lib/generator/headless.ts';
import type { Shell } from '../../lib/generator/shells.ts';
import { trimEndTokens, type Token } from '../../lib/generator/tokens.ts';
import { OutputBlock as Block } from '../shared/OutputBlock.tsx';
import { Choice } from '../shared/fields.tsx';
import { pure } from '../shared/pure.tsx';

/**
 * An output block rendered again only when what it shows changes (`pure`: the tokens compared by
 * content). A keystroke usually changes a few blocks; the others are not diffed again.
 */
const OutputBlock = pure(Block);

type Outputs = NonNullable<Generated['outputs']>;

const SHELL_LABELS: Record<Shell, string> = {
  posix: 'bash / zsh',
  fish: 'fish',
  powershell: 'PowerShell',
};
const SHELL_ORDER = Object.keys(SHELL_LABELS) as Shell[];

interface ViewProps {
  id: string;
  shell: Shell;
  onShell: (shell: Shell) => void;
  release: Release;
  /** The releases the reader can choose, newest first. */
  releases: readonly Release[];
  onRelease: (release: string) => void;
}

interface Props {
  id: string;
  outputs: Outputs | null;
  shell: Shell;
  hydrated: boolean;
  /** Names the first marked field, for the "Go to" button when outputs are blocked. */
  blocked: { count: number; firstField: string; goTo: () => void };
  announce: (message: string) => void;
  /** A block's text changed after it was copied: its "copied" announcement is stale. */
  onStale: (message: string) => void;
  /** Shown right after the TOML block (where the file is, the top-level settings block). */
  afterToml?: ComponentChildren;
  /** The engine: the partial and TOML-only explanations (no preset needs them). */
  notes?: typeof import('./engine.ts') | null;
  /** With the outputs blocked: the lines that depend only on the (valid) server name. */
  standalone?: Standalone | undefined;
  /** "No browser on this machine": the steps that replace the usual ones, and their view (loaded when on). */
  headless?: HeadlessStep[] | undefined;
  headlessView?: typeof import('./HeadlessSteps.tsx') | null;
}

/**
 * The shell and Codex version choices, at the top of the form: they change every output. Rendered
 * again only when they change (`pure`), not on every keystroke: the version list has an option per
 * release.
 */
export const ViewChoices = pure(function ViewChoices(props: ViewProps) {
  const { id, shell, onShell, release, releases, onRelease } = props;
  return (
    <div class="cmg-view">
      <Choice
        id={`${id}-shell`}
        legend="Your shell"
        value={shell}
        // The radio names the PowerShell the commands are checked in (pwsh 7); block titles need not.
        options={SHELL_ORDER.map((value) => ({
          value,
          label: value === 'powershell' ? 'PowerShell 7' : SHELL_LABELS[value],
          help: '',
        }))}
        // The values are the shells of SHELL_LABELS.
        onChange={(v) => onShell(v as Shell)}
        messages={[]}
        inline
      />
      <div class="cmg-field cmg-select">
        <label for={`${id}-codex`}>Codex version</label>
        <select id={`${id}-codex`} onChange={(e) => onRelease(e.currentTarget.value)}>
          {releases.map((r, i) => (
            <option value={r} selected={r === release}>
              {i === 0 ? `${r} (newest)` : r}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
});

/** The outputs section of one generator. */
export function GeneratorOutputs(props: Props) {
  const { outputs, blocked } = props;
  return (
    <>
      {outputs ? (
        props.headless && props.headlessView ? (
          <props.headlessView.HeadlessSteps {...props} outputs={outputs} steps={props.headless} />
        ) : (
          <Steps {...props} outputs={outputs} />
        )
      ) : (
        <p class="cmg-blocked" role="status">
          Fix {blocked.count === 1 ? 'the field' : `the ${blocked.count} fields`} marked in the form
          to get your commands.{' '}
          <button type="button" class="cmg-goto" onClick={blocked.goTo}>
            Go to {blocked.firstField || 'the field'}
          </button>
        </p>
      )}
      {/* While a field is marked, the steps that depend only on the (valid) server name. */}
      {!outputs && props.standalone && (
        <ol class="cmg-steps">
          <Finish outputs={props.standalone} block={blockOf(props)} />
        </ol>
      )}
    </>
  );
}

/** The three shells' variants of one output; only the chosen shell's is shown. */
function PerShell(
  props: Props & {
    kind: string;
    title: string;
    tokens: Record<Shell, Token[]>;
    partial?: boolean;
  },
) {
  const { kind, title, tokens, partial, shell, hydrated, announce, onStale } = props;
  return (
    <>
      {SHELL_ORDER.map((s) => (
        <OutputBlock
          // The bash/zsh blocks keep the plain kind (tests rely on it).
          kind={s === 'posix' ? kind : `${kind}-${s}`}
          title={`${title} (${SHELL_LABELS[s]})`}
          tokens={trimEndTokens(tokens[s])}
          interactive={hydrated}
          hidden={shell !== s}
          partial={!!partial}
          onCopied={announce}
          onStale={onStale}
        />
      ))}
    </>
  );
}

/** The numbered steps, from variables to verification. */
function Steps(props: Props & { outputs: Outputs }) {
  const { outputs } = props;
  const { cli, tokens } = outputs;
  const block = blockOf(props);
  const full = cli.mode === 'full';
  const { notes } = props;
  const toml = (
    <>
      <OutputBlock
        kind="toml"
        title={outputs.configPath}
        tokens={trimEndTokens(tokens.toml)}
        {...block}
      />
      {props.afterToml}
    </>
  );
  return (
    <ol class="cmg-steps">
      {tokens.env && (
        <li>
          <h3>Set the environment variables</h3>
          <PerShell {...props} kind="env" title="Environment" tokens={tokens.env} />
        </li>
      )}
      <li>
        <h3>Add the server</h3>
        {full ? (
          <p>
            Run this command, <em>or</em> paste the TOML block below into{' '}
            <code>{outputs.configPath}</code>.
          </p>
        ) : (
          notes && <notes.CliIntro outputs={outputs} />
        )}
        {/* A partial command would register the server without some keys: the TOML block, which holds them all, comes first. */}
        {!full && toml}
        {tokens.cli && (
          <PerShell {...props} kind="cli" title="Command" tokens={tokens.cli} partial={!full} />
        )}
        {!full && notes && <notes.CliMissing outputs={outputs} />}
        {full && toml}
      </li>
      <Finish outputs={outputs} block={block} />
    </ol>
  );
}

type Block = Pick<Props, 'onStale'> & {
  interactive: boolean;
  onCopied: (message: string) => void;
};

/** What every output block of the steps gets from the island. */
const blockOf = (p: Props): Block => ({
  interactive: p.hydrated,
  onCopied: p.announce,
  onStale: p.onStale,
});

/** The sign-in and check steps, shared by the full steps and the name-only ones. */
function Finish({ outputs, block }: { outputs: Standalone; block: Block }) {
  return (
    <>
      {outputs.tokens.login && (
        <li>
          <h3>Sign in</h3>
          <p>
            When the server offers OAuth, <code>codex mcp add</code> already signs you in right
            after adding it. Run this after pasting the TOML block instead, if that sign-in was
            stopped, or when it expires.
          </p>
          <OutputBlock
            kind="login"
            title="OAuth login"
            tokens={trimEndTokens(outputs.tokens.login)}
            {...block}
          />
        </li>
      )}
      <li>
        <h3>Check it</h3>
        <OutputBlock
          kind="verify"
          title="Verify"
          tokens={trimEndTokens(outputs.tokens.verify)}
          {...block}
        />
      </li>
    </>
  );
}
