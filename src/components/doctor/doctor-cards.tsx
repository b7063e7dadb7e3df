/** The doctor's server cards: findings by kind, the corrected block, its variables, and the file-level findings. */
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DoctorReport, Finding, ServerReport } from '../../lib/doctor/index.ts';
import { clip, HIGHLIGHT_LIMIT, Rich } from './doctor-view.tsx';
import { trimEndTokens, type Token } from '../../lib/generator/tokens.ts';
import { plainTokens } from '../shared/OutputBlock.tsx';
import { DoctorBlock } from './DoctorBlock.tsx';

/** What the reader pasted. */
export type Mode = 'toml' | 'json' | 'plugin';

/**
 * Findings (and changes) shown per list: a file with 20,000 headers gave one card 20,000 findings,
 * 700,000 DOM nodes and a 48 s frame. The rest are counted, not drawn; the DOM stays bounded.
 */
export const LIST_CAP = 30;

/** "… and 19,970 more (not shown: fix the ones above and check again)". */
function More({ total, what }: { total: number; what: string }) {
  if (total <= LIST_CAP) return null;
  return (
    <li class="cmd-more-findings" data-more={total - LIST_CAP}>
      … and {(total - LIST_CAP).toLocaleString('en-US')} more {what} of the same kind, not shown.
    </li>
  );
}

/** A generated block's tokens, trimmed; plain text past HIGHLIGHT_LIMIT (one span per token is too many nodes). */
const litFor = (tokens: readonly Token[] | null | undefined, text: string): Token[] =>
  trimEndTokens(text.length > HIGHLIGHT_LIMIT || !tokens ? plainTokens(text) : tokens);

const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

function FindingList({
  title,
  findings,
  onLine,
}: {
  title: string;
  findings: Finding[];
  onLine: (line: number) => void;
}) {
  if (findings.length === 0) return null;
  return (
    <div class="cmd-group">
      <h4>{title}</h4>
      <ul class="cmd-findings">
        {findings.slice(0, LIST_CAP).map((f) => (
          <li class={`cmd-finding cmd-${f.severity}`} data-kind={f.kind} data-key={f.key.join('.')}>
            <span class="cmd-badge">{SEVERITY_LABEL[f.severity]}</span> <Rich text={f.message} />
            {f.line !== undefined && (
              <>
                {' '}
                <button type="button" class="cmd-line" onClick={() => onLine(f.line as number)}>
                  line {f.line}
                </button>
              </>
            )}
            {f.codexMessage && (
              <span class="cmd-codex">
                {' '}
                Codex says: <q>{clip(f.codexMessage)}</q>
              </span>
            )}
          </li>
        ))}
        <More total={findings.length} what="findings" />
      </ul>
    </div>
  );
}

function worst(s: ServerReport): Finding['severity'] | 'ok' {
  if (s.rejected.length > 0 || s.risks.some((f) => f.severity === 'error')) return 'error';
  if (s.ignored.some((f) => f.severity !== 'info') || s.risks.some((f) => f.severity === 'warning'))
    return 'warning';
  return s.ignored.length + s.risks.length > 0 ? 'info' : 'ok';
}

const STATUS_LABEL = {
  error: 'Needs a fix',
  warning: 'Works, with warnings',
  info: 'OK, with notes',
  ok: 'OK',
} as const;

interface ServerCardProps {
  server: ServerReport;
  source: Mode;
  interactive: boolean;
  onCopied: (m: string) => void;
  onLine: (line: number) => void;
  onMerge: (name: string, block: string) => void;
}

/** One server: its status, its findings, and the corrected block (or why there is none). */
export function ServerCard({
  server,
  source,
  interactive,
  onCopied,
  onLine,
  onMerge,
}: ServerCardProps) {
  const status = worst(server);
  const block = server.corrected;
  const headingId = `cmd-server-${server.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li
      class={`cmd-server cmd-status-${status}`}
      data-server={server.name}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        <code>{server.name === '' ? '(empty name)' : server.name}</code>{' '}
        <span class="cmd-status">
          {STATUS_LABEL[status]}
          {server.transport && (
            <> · {server.transport === 'stdio' ? 'local (stdio)' : 'remote (HTTP)'}</>
          )}
        </span>
        {server.line !== undefined && (
          <>
            {' '}
            <button type="button" class="cmd-line" onClick={() => onLine(server.line as number)}>
              line {server.line}
            </button>
          </>
        )}
      </h3>
      <FindingList
        title={
          source === 'toml'
            ? 'Codex refuses to load'
            : source === 'plugin'
              ? 'Codex drops this server'
              : 'Cannot be converted as is'
        }
        findings={server.rejected}
        onLine={onLine}
      />
      <FindingList title="Ignored by Codex" findings={server.ignored} onLine={onLine} />
      <FindingList title="Risks" findings={server.risks} onLine={onLine} />
      {source === 'plugin' ? null : block ? (
        <div class="cmd-corrected">
          <DoctorBlock
            kind={`doctor-${block.name}`}
            title={`Corrected [mcp_servers.${block.name}]`}
            tokens={litFor(block.tokens.toml, block.toml)}
            interactive={interactive}
            onCopied={onCopied}
          />
          {block.changes.length > 0 ? (
            <ul class="cmd-changes" aria-label={`What changed in ${block.name}`}>
              {block.changes.slice(0, LIST_CAP).map((c) => (
                <li>
                  <Rich text={c} />
                </li>
              ))}
              <More total={block.changes.length} what="changes" />
            </ul>
          ) : (
            <p class="cmg-help">
              {source === 'toml'
                ? 'Nothing to change: this is the same entry, written the way the generator writes it.'
                : 'Converted as is.'}
            </p>
          )}
          {block.notCarried.length > 0 && (
            <p class="cmg-partial">
              Not in the corrected block (the generator does not write{' '}
              {block.notCarried.length === 1 ? 'this key' : 'these keys'}):{' '}
              {block.notCarried.slice(0, LIST_CAP).map((k, i) => (
                <>
                  {i > 0 && ', '}
                  <code>{k}</code>
                </>
              ))}
              . Copy {block.notCarried.length === 1 ? 'it' : 'them'} from your file if you still
              need {block.notCarried.length === 1 ? 'it' : 'them'}.
            </p>
          )}
          {block.env && (
            <details class="cmd-env">
              <summary>
                Variables to export (
                {block.env.posix.split('\n').filter((l) => l.startsWith('export ')).length})
              </summary>
              <DoctorBlock
                kind={`doctor-env-${block.name}`}
                title="Environment (bash / zsh)"
                tokens={litFor(block.tokens.env?.posix, block.env.posix)}
                interactive={interactive}
                onCopied={onCopied}
              />
              <DoctorBlock
                kind={`doctor-env-fish-${block.name}`}
                title="Environment (fish)"
                tokens={litFor(block.tokens.env?.fish, block.env.fish)}
                interactive={interactive}
                onCopied={onCopied}
              />
              <DoctorBlock
                kind={`doctor-env-ps-${block.name}`}
                title="Environment (PowerShell)"
                tokens={litFor(block.tokens.env?.powershell, block.env.powershell)}
                interactive={interactive}
                onCopied={onCopied}
              />
            </details>
          )}
          {interactive && (
            <button type="button" onClick={() => onMerge(block.name, block.toml)}>
              Use in the merge preview
            </button>
          )}
        </div>
      ) : (
        <div class="cmg-blocked">
          <p>No corrected block:</p>
          <ul>
            {server.correctedProblems.slice(0, LIST_CAP).map((p) => (
              <li>
                <Rich text={p} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

/** The pasted file with its single backslashes fixed (Windows paths), folded until opened. */
export function RepairView({
  repair,
  onCopied,
}: {
  repair: NonNullable<DoctorReport['repair']>;
  onCopied: (m: string) => void;
}) {
  const n = repair.lines.length;
  return (
    <details class="cmd-repair" data-repair>
      <summary>
        Your file with the backslashes fixed (
        {n <= 8 ? `line${n === 1 ? '' : 's'} ${repair.lines.join(', ')}` : `${n} lines`})
      </summary>
      <DoctorBlock
        kind="doctor-repaired"
        title="config.toml, backslashes fixed"
        // The reader's own file, backslashes fixed: shown as it is, not coloured.
        tokens={plainTokens(repair.text)}
        interactive
        onCopied={onCopied}
      />
    </details>
  );
}

/** Findings about the whole file (not one server), each with Codex's words and a link to its line. */
export function FileFindings({
  report,
  onLine,
}: {
  report: DoctorReport;
  onLine: (line: number) => void;
}) {
  if (report.file.length === 0) return null;
  return (
    <ul class="cmd-findings">
      {report.file.slice(0, LIST_CAP).map((f) => (
        <li class={`cmd-finding cmd-${f.severity}`} data-kind={f.kind}>
          <span class="cmd-badge">{SEVERITY_LABEL[f.severity]}</span> <Rich text={f.message} />
          {f.codexMessage && (
            <span class="cmd-codex">
              {' '}
              Codex says: <q>{clip(f.codexMessage)}</q>
            </span>
          )}
          {f.line !== undefined && (
            <>
              {' '}
              <button type="button" class="cmd-line" onClick={() => onLine(f.line as number)}>
                line {f.line}
              </button>
            </>
          )}
        </li>
      ))}
      <More total={report.file.length} what="findings" />
    </ul>
  );
}

/**
 * Cards (re)built per task. Building all 20 in one task blocked the page
 * for 100-300 ms under load; the rest follow in later tasks, and the results say they are busy.
 */
const CARDS_PER_TASK = 2;

/** What every card needs from the page. */
export interface CardContext {
  hydrated: boolean;
  onCopied: (m: string) => void;
  onLine: (line: number) => void;
  onMerge: (name: string, block: string) => void;
}

/**
 * The server cards of `report`, built a few per task (the rest follow in later tasks), and whether
 * some are still behind (the results then say they are busy).
 */
export function useCards(
  report: DoctorReport | null,
  ctx: CardContext,
): { cards: (VNode | null)[]; cardsBehind: boolean } {
  const { hydrated, onCopied, onLine, onMerge } = ctx;
  // The same vnodes while the report is unchanged, so a keystroke does not re-render every card.
  // Card vnodes, built a few per task and kept by server report, so an unchanged card is not
  // rendered again (Preact skips a vnode it has already rendered).
  const cardCache = useRef(new WeakMap<ServerReport, { hydrated: boolean; vnode: VNode }>());
  const shownCards = useRef<(VNode | null)[]>([]);
  const [cardTick, setCardTick] = useState(0);
  let budget = CARDS_PER_TASK;
  let cardsBehind = false;
  const cards = (report?.servers ?? []).map((s, i) => {
    const cached = cardCache.current.get(s);
    if (cached && cached.hydrated === hydrated) return cached.vnode;
    if (budget > 0) {
      budget -= 1;
      const vnode = (
        <ServerCard
          server={s}
          source={report?.source ?? 'toml'}
          interactive={hydrated}
          onCopied={onCopied}
          onLine={onLine}
          onMerge={onMerge}
        />
      );
      cardCache.current.set(s, { hydrated, vnode });
      return vnode;
    }
    cardsBehind = true;
    // Until its turn, the card stays as it was (or is not shown yet).
    return cached?.vnode ?? shownCards.current[i] ?? null;
  });
  shownCards.current = cards;
  useEffect(() => {
    if (!cardsBehind) return undefined;
    const timer = setTimeout(() => setCardTick((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [cardTick, cardsBehind, report]);
  return { cards, cardsBehind };
}
