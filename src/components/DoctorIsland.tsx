/**
 * The config doctor and merge preview. The pasted text goes to the pure functions in src/lib
 * (doctor.ts, merge.ts), run in a Web Worker of this page (doctor-worker.ts) so that a large file
 * never freezes typing, and nowhere else. Nothing is stored or sent.
 */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DoctorReport, Finding, ServerReport } from '../lib/doctor.ts';
import type { MergeResult } from '../lib/merge.ts';
import type { Provider } from '../lib/provider.ts';
import type { AnalysisRequest, DoctorAnswer, MergeAllAnswer } from './doctor-analysis.ts';
import { createAnalyser, type Analyser } from './doctor-client.ts';
import { HIGHLIGHT_LIMIT, MergeAllView, Rich } from './doctor-view.tsx';
import { Choice } from './fields.tsx';
import { loadHighlighterOnInteraction, type Highlighter } from './highlight.ts';
import { useAnnouncer } from './live.ts';
import { OutputBlock } from './OutputBlock.tsx';
import './generator.css';
import './doctor.css';

type Mode = 'toml' | 'json';

/** Server cards shown at first, and added by "Show more": rendering thousands at once blocks the page. */
const PAGE = 20;
/**
 * Cards (re)built per task. Building all 20 in one task (more with highlighting) blocked the page
 * for 100-300 ms under load; the rest follow in later tasks, and the results say they are busy.
 */
const CARDS_PER_TASK = 2;
/** Quiet time after the last keystroke before the text is analysed again. */
const DEBOUNCE_MS = 150;

const EXAMPLES: Record<Mode, string> = {
  toml: `# ~/.codex/config.toml
model = "o3"

[mcp_servers.github]
url = "https://api.githubcopilot.com/mcp/"
bearer_token = "ghp_example0123456789abcdefghijklmnop"
tool_timeout_sec = "60"

[mcp_servers.docs]
type = "http"
url = "https://docs.example.com/mcp"
headers = { Authorization = "Bearer \${DOCS_TOKEN}" }
`,
  json: `{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Projects"]
    },
    "search": {
      "type": "http",
      "url": "https://search.example.com/mcp",
      "headers": { "X-API-Key": "\${env:SEARCH_KEY}" }
    }
  }
}
`,
};

const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

function FindingList({ title, findings, onLine }: { title: string; findings: Finding[]; onLine: (line: number) => void }) {
  if (findings.length === 0) return null;
  return (
    <div class="cmd-group">
      <h4>{title}</h4>
      <ul class="cmd-findings">
        {findings.map((f) => (
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
                Codex says: <q>{f.codexMessage}</q>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function worst(s: ServerReport): Finding['severity'] | 'ok' {
  if (s.rejected.length > 0 || s.risks.some((f) => f.severity === 'error')) return 'error';
  if (s.ignored.some((f) => f.severity !== 'info') || s.risks.some((f) => f.severity === 'warning')) return 'warning';
  return s.ignored.length + s.risks.length > 0 ? 'info' : 'ok';
}

const STATUS_LABEL = { error: 'Needs a fix', warning: 'Works, with warnings', info: 'OK, with notes', ok: 'OK' } as const;

interface ServerCardProps {
  server: ServerReport;
  source: Mode;
  highlighter: Highlighter | null;
  interactive: boolean;
  onCopied: (m: string) => void;
  onLine: (line: number) => void;
  onMerge: (name: string, block: string) => void;
}

function ServerCard({ server, source, highlighter, interactive, onCopied, onLine, onMerge }: ServerCardProps) {
  const status = worst(server);
  const block = server.corrected;
  const headingId = `cmd-server-${server.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li class={`cmd-server cmd-status-${status}`} data-server={server.name} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <code>{server.name === '' ? '(empty name)' : server.name}</code>{' '}
        <span class="cmd-status">
          {STATUS_LABEL[status]}
          {server.transport && <> · {server.transport === 'stdio' ? 'local (stdio)' : 'remote (HTTP)'}</>}
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
      <FindingList title={source === 'toml' ? 'Codex refuses to load' : 'Cannot be converted as is'} findings={server.rejected} onLine={onLine} />
      <FindingList title="Ignored by Codex" findings={server.ignored} onLine={onLine} />
      <FindingList title="Risks" findings={server.risks} onLine={onLine} />
      {block ? (
        <div class="cmd-corrected">
          <OutputBlock kind={`doctor-${block.name}`} title={`Corrected [mcp_servers.${block.name}]`} text={block.toml.trimEnd()} lang="toml" highlighter={highlighter} interactive={interactive} onCopied={onCopied} />
          {block.changes.length > 0 ? (
            <ul class="cmd-changes" aria-label={`What changed in ${block.name}`}>
              {block.changes.map((c) => (
                <li>
                  <Rich text={c} />
                </li>
              ))}
            </ul>
          ) : (
            <p class="cmg-help">{source === 'toml' ? 'Nothing to change: this is the same entry, written the way the generator writes it.' : 'Converted as is.'}</p>
          )}
          {block.notCarried.length > 0 && (
            <p class="cmg-partial">
              Not in the corrected block (the generator does not write {block.notCarried.length === 1 ? 'this key' : 'these keys'}): {block.notCarried.map((k, i) => (<>{i > 0 && ', '}<code>{k}</code></>))}. Copy {block.notCarried.length === 1 ? 'it' : 'them'} from your file if you still need {block.notCarried.length === 1 ? 'it' : 'them'}.
            </p>
          )}
          {block.env && (
            <details class="cmd-env">
              <summary>Variables to export ({block.env.posix.split('\n').filter((l) => l.startsWith('export ')).length})</summary>
              <OutputBlock kind={`doctor-env-${block.name}`} title="Environment (bash / zsh)" text={block.env.posix.trimEnd()} lang="shellscript" highlighter={highlighter} interactive={interactive} onCopied={onCopied} />
              <OutputBlock kind={`doctor-env-fish-${block.name}`} title="Environment (fish)" text={block.env.fish.trimEnd()} lang="shellscript" highlighter={highlighter} interactive={interactive} onCopied={onCopied} />
              <OutputBlock kind={`doctor-env-ps-${block.name}`} title="Environment (PowerShell)" text={block.env.powershell.trimEnd()} lang="powershell" highlighter={highlighter} interactive={interactive} onCopied={onCopied} />
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
            {server.correctedProblems.map((p) => (
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

/** The single server name a block defines, or '' when it does not parse to exactly one. */
async function blockName(block: string): Promise<string> {
  try {
    // The TOML parser loads when the reader first edits the block, not with the page (byte budget).
    const { parse } = await import('smol-toml');
    const servers = (parse(block) as Record<string, unknown>)['mcp_servers'];
    if (typeof servers === 'object' && servers !== null) {
      const names = Object.keys(servers);
      if (names.length === 1) return names[0] as string;
    }
  } catch {
    // An unparsable block has no name; the merge reports the parse error itself.
  }
  return '';
}

function Area(props: { id: string; label: ComponentChildren; value: string; onInput: (v: string) => void; help?: string; rows?: number; areaRef?: { current: HTMLTextAreaElement | null } }) {
  const { id, label, value, onInput, help, rows, areaRef } = props;
  return (
    <div class="cmg-field cmd-area">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        {...(areaRef && { ref: areaRef })}
        value={value}
        rows={rows ?? 12}
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        wrap="off"
        {...(help !== undefined && { 'aria-describedby': `${id}-help` })}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {help && (
        <p class="cmg-help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}

export default function DoctorIsland({ provider }: { provider?: Provider }) {
  const [mode, setMode] = useState<Mode>('toml');
  const [input, setInput] = useState('');
  const [exported, setExported] = useState('');
  const [existing, setExisting] = useState('');
  const [mergeName, setMergeName] = useState('');
  const [mergeBlock, setMergeBlock] = useState('');
  const [blockTouched, setBlockTouched] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [highlighter, setHighlighter] = useState<Highlighter | null>(null);
  const [announcement, announce] = useAnnouncer();
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const mergeHeadingRef = useRef<HTMLHeadingElement | null>(null);

  useEffect(() => {
    setHydrated(true);
    // Nothing to highlight until the reader pastes or loads a config: load it on the first interaction.
    loadHighlighterOnInteraction(document.querySelector('[data-doctor]'), setHighlighter);
  }, []);

  const exportedEnv = useMemo(() => {
    const names = exported.split(/[\s,]+/).filter(Boolean);
    return names.length > 0 ? names : undefined;
  }, [exported]);

  const [shown, setShown] = useState(PAGE);
  const [doctor, setDoctor] = useState<DoctorAnswer | null>(null);
  const [doctorBusy, setDoctorBusy] = useState(false);
  const analyser = useRef<Analyser | null>(null);
  const seqs = useRef({ doctor: 0, merge: 0, mergeAll: 0 });
  const blockEdits = useRef(0);

  useEffect(() => () => analyser.current?.dispose(), []);

  /** Runs a request after a quiet time; an answer to anything but the latest request of its kind is dropped. */
  const schedule = (request: AnalysisRequest, apply: (answer: Awaited<ReturnType<Analyser['run']>>) => void): (() => void) => {
    const kind = request.kind;
    const mine = ++seqs.current[kind];
    const timer = setTimeout(() => {
      analyser.current ??= createAnalyser();
      void analyser.current.run(request).then((answer) => {
        if (mine === seqs.current[kind]) apply(answer);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  };

  useEffect(() => {
    if (input.trim() === '') {
      seqs.current.doctor += 1;
      setDoctor(null);
      setDoctorBusy(false);
      setShown(PAGE);
      return undefined;
    }
    setDoctorBusy(true);
    const request: AnalysisRequest = { kind: 'doctor', mode, text: input, limit: shown, ...(exportedEnv && { exportedEnv }), ...(provider && { provider }) };
    return schedule(request, (answer) => {
      if (answer.kind !== 'doctor') return;
      setDoctor(answer);
      setDoctorBusy(false);
    });
  }, [input, mode, exportedEnv, shown]);

  const report: DoctorReport | null = input.trim() === '' ? null : (doctor?.report ?? null);
  const totalServers = doctor?.totalServers ?? 0;

  // Until the reader edits it, the block to merge follows the first corrected block.
  const firstBlock = report?.servers.find((s) => s.corrected)?.corrected ?? null;
  const effectiveBlock = blockTouched ? mergeBlock : (firstBlock?.toml ?? '');
  const effectiveName = blockTouched || mergeName !== '' ? mergeName : (firstBlock?.name ?? '');

  const [mergeAnswer, setMergeAnswer] = useState<MergeResult | null>(null);
  const mergeWanted = effectiveBlock.trim() !== '' && effectiveName.trim() !== '';
  useEffect(() => {
    if (!mergeWanted) {
      seqs.current.merge += 1;
      setMergeAnswer(null);
      return undefined;
    }
    return schedule({ kind: 'merge', existing, name: effectiveName.trim(), block: effectiveBlock }, (answer) => {
      if (answer.kind === 'merge') setMergeAnswer(answer.merge);
    });
  }, [existing, effectiveName, effectiveBlock, mergeWanted]);
  const merge = mergeWanted ? mergeAnswer : null;


  /** Moves the cursor of the input to the start of a line (1-based) and focuses it. */
  const goToLine = (line: number) => {
    const area = inputRef.current;
    if (!area) return;
    const lines = area.value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
    announce(`Line ${line} selected in the input.`);
  };

  const sendToMerge = (name: string, block: string) => {
    blockEdits.current += 1;
    setMergeName(name);
    setMergeBlock(block);
    setBlockTouched(true);
    mergeHeadingRef.current?.focus();
    announce(`The block for ${name} is in the merge preview.`);
  };

  const [mergedAll, setMergedAll] = useState<MergeAllAnswer | null>(null);
  const mergeAllHeadingRef = useRef<HTMLHeadingElement | null>(null);
  const allBlocks = (report?.servers ?? []).flatMap((s) => (s.corrected ? [{ name: s.corrected.name, toml: s.corrected.toml }] : []));
  // config.toml: the blocks replace the entries of the pasted file itself (its repaired text when
  // backslashes had to be fixed); other clients' JSON: they go into "Your current config.toml".
  const mergeAllBase = mode === 'toml' ? (report?.repair?.text ?? input) : existing;
  const mergeAll = () => {
    const mine = ++seqs.current.mergeAll;
    analyser.current ??= createAnalyser();
    void analyser.current.run({ kind: 'mergeAll', existing: mergeAllBase, blocks: allBlocks }).then((answer) => {
      if (answer.kind !== 'mergeAll' || mine !== seqs.current.mergeAll) return;
      setMergedAll(answer);
      const added = answer.diff.filter((l) => l.kind === 'added').length;
      const removed = answer.diff.filter((l) => l.kind === 'removed').length;
      announce(`${answer.result.merged.length} corrected ${answer.result.merged.length === 1 ? 'block' : 'blocks'} merged: ${added} lines added, ${removed} removed.`);
      setTimeout(() => mergeAllHeadingRef.current?.focus(), 0);
    });
  };
  // A new diagnosis makes the old merged file stale.
  useEffect(() => {
    seqs.current.mergeAll += 1;
    setMergedAll(null);
  }, [report, existing]);

  // The same vnodes while the report is unchanged, so a keystroke does not re-render every card.
  // Card vnodes, built a few per task and kept by server report, so an unchanged card is not
  // rendered again (Preact skips a vnode it has already rendered).
  const cardCache = useRef(new WeakMap<ServerReport, { lit: boolean; hydrated: boolean; vnode: VNode }>());
  const shownCards = useRef<(VNode | null)[]>([]);
  const [cardTick, setCardTick] = useState(0);
  let budget = CARDS_PER_TASK;
  let cardsBehind = false;
  const cards = (report?.servers ?? []).map((s, i) => {
    const lit = highlighter !== null;
    const cached = cardCache.current.get(s);
    if (cached && cached.lit === lit && cached.hydrated === hydrated) return cached.vnode;
    if (budget > 0) {
      budget -= 1;
      const vnode = <ServerCard server={s} source={report?.source ?? 'toml'} highlighter={highlighter} interactive={hydrated} onCopied={announce} onLine={goToLine} onMerge={sendToMerge} />;
      cardCache.current.set(s, { lit, hydrated, vnode });
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
  }, [cardTick, cardsBehind, report, highlighter]);

  const problems = report ? report.servers.reduce((n, s) => n + s.rejected.length, 0) + report.file.filter((f) => f.kind === 'rejected').length : 0;

  return (
    <div class="cmg cmd not-content" data-doctor data-hydrated={hydrated ? 'true' : undefined}>
      <form class="cmg-form" aria-label="Config to check" onSubmit={(e) => e.preventDefault()} noValidate>
        <Choice
          id="cmd-mode"
          legend="What are you pasting?"
          value={mode}
          options={[
            { value: 'toml', label: 'Codex config.toml', help: '' },
            { value: 'json', label: 'JSON from another client', help: '(Claude Desktop, Cursor, VS Code, Gemini CLI, OpenCode… or a server.json)' },
          ]}
          onChange={(v) => setMode(v === 'json' ? 'json' : 'toml')}
          messages={[]}
          inline
        />
        <Area
          id="cmd-input"
          label={mode === 'toml' ? 'Your config.toml' : 'Your JSON MCP configuration'}
          value={input}
          onInput={setInput}
          areaRef={inputRef}
          help={
            mode === 'toml'
              ? 'Paste all of ~/.codex/config.toml (or .codex/config.toml). Checked as you type, in this browser tab only.'
              : 'Paste the "mcpServers" object (or the whole file), or a server.json from the MCP Registry. Comments and trailing commas are fine.'
          }
        />
        <div class="cmg-field">
          <label for="cmd-exported">Variables exported in your shell (optional)</label>
          <input
            id="cmd-exported"
            type="text"
            value={exported}
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            aria-describedby="cmd-exported-help"
            onInput={(e) => setExported(e.currentTarget.value)}
          />
          <p class="cmg-help" id="cmd-exported-help">
            Names only, separated by spaces, such as the output of <code>env | cut -d= -f1</code>. The doctor then flags variables your servers read that are not set.
          </p>
        </div>
        {hydrated && (
          <div class="cmd-actions">
            <button type="button" onClick={() => setInput(EXAMPLES[mode])}>
              Load an example
            </button>
            {input !== '' && (
              <button type="button" onClick={() => setInput('')}>
                Clear
              </button>
            )}
          </div>
        )}
      </form>

      <section class="cmd-results" aria-labelledby="cmd-results-heading" aria-busy={doctorBusy || cardsBehind ? 'true' : 'false'} data-busy={doctorBusy || cardsBehind ? 'true' : undefined}>
        <h2 id="cmd-results-heading">Diagnosis</h2>
        {!report ? (
          <p class="cmg-help">{input.trim() === '' ? 'Paste a configuration above to see what Codex does with it.' : 'Checking…'}</p>
        ) : (
          <>
            <p class={`cmd-summary ${report.parseError || problems > 0 ? 'cmd-summary-error' : report.loads ? 'cmd-summary-ok' : 'cmd-summary-warning'}`} data-loads={report.loads ? 'true' : 'false'}>
              <Rich text={report.summary} />
            </p>
            {report.parseError && (
              <p>
                <button type="button" class="cmd-line" onClick={() => goToLine(report.parseError?.line ?? 1)}>
                  Go to line {report.parseError.line}, column {report.parseError.column}
                </button>
              </p>
            )}
            {report.file.length > 0 && (
              <ul class="cmd-findings">
                {report.file.map((f) => (
                  <li class={`cmd-finding cmd-${f.severity}`} data-kind={f.kind}>
                    <span class="cmd-badge">{SEVERITY_LABEL[f.severity]}</span> <Rich text={f.message} />
                    {f.codexMessage && (
                      <span class="cmd-codex">
                        {' '}
                        Codex says: <q>{f.codexMessage}</q>
                      </span>
                    )}
                    {f.line !== undefined && (
                      <>
                        {' '}
                        <button type="button" class="cmd-line" onClick={() => goToLine(f.line as number)}>
                          line {f.line}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {report.servers.length > 0 && <ul class="cmd-servers">{cards}</ul>}
            {report.repair && hydrated && (
              <details class="cmd-repair" data-repair>
                <summary>Your file with the backslashes fixed ({report.repair.lines.length <= 8 ? `line${report.repair.lines.length === 1 ? '' : 's'} ${report.repair.lines.join(', ')}` : `${report.repair.lines.length} lines`})</summary>
                <OutputBlock kind="doctor-repaired" title="config.toml, backslashes fixed" text={report.repair.text} lang="toml" highlighter={report.repair.text.length > HIGHLIGHT_LIMIT ? null : highlighter} interactive={hydrated} onCopied={announce} />
              </details>
            )}
            {hydrated && allBlocks.length > 0 && (
              <p class="cmd-actions">
                <button type="button" data-merge-all onClick={mergeAll}>
                  Merge all {allBlocks.length} corrected {allBlocks.length === 1 ? 'block' : 'blocks'} into {mode === 'toml' ? 'this file' : 'your current config.toml (below)'}
                </button>
              </p>
            )}
            {totalServers > report.servers.length && (
              <p class="cmd-more">
                {report.servers.length} of {totalServers} servers shown.{' '}
                <button type="button" onClick={() => setShown(report.servers.length + PAGE)}>
                  Show {Math.min(PAGE, totalServers - report.servers.length)} more
                </button>
              </p>
            )}
          </>
        )}
      </section>

      {mergedAll && (
        <section class="cmd-merge-all" aria-labelledby="cmd-merge-all-heading" data-merge-all-result>
          <h2 id="cmd-merge-all-heading" tabIndex={-1} ref={mergeAllHeadingRef}>
            All corrected blocks, merged
          </h2>
          <MergeAllView answer={mergedAll} highlighter={highlighter} interactive={hydrated} onCopied={announce} />
        </section>
      )}

      <section class="cmd-merge" aria-labelledby="cmd-merge-heading">
        <h2 id="cmd-merge-heading" tabIndex={-1} ref={mergeHeadingRef}>
          Merge preview
        </h2>
        <p class="cmg-help">
          See your whole file with one server added or replaced, the way <code>codex mcp add</code> would do it, before you touch it. Everything else in the file, comments included, stays exactly as it is.
        </p>
        <form class="cmg-form" aria-label="Merge preview" onSubmit={(e) => e.preventDefault()} noValidate>
          <Area id="cmd-existing" label="Your current config.toml" value={existing} onInput={setExisting} rows={8} help="Leave empty to start a new file." />
          <div class="cmg-field">
            <label for="cmd-merge-name">Server name</label>
            <input
              id="cmd-merge-name"
              type="text"
              value={effectiveName}
              autocomplete="off"
              autocapitalize="off"
              spellcheck={false}
              aria-describedby="cmd-merge-name-help"
              onInput={(e) => {
                blockEdits.current += 1;
                setMergeName(e.currentTarget.value);
              }}
            />
            <p class="cmg-help" id="cmd-merge-name-help">
              The name in the block below, as in <code>[mcp_servers.NAME]</code>.
            </p>
          </div>
          <Area
            id="cmd-merge-block"
            label="Block to merge"
            value={effectiveBlock}
            onInput={(v) => {
              setMergeBlock(v);
              setBlockTouched(true);
              // Only the latest edit may set the name: an earlier, slower parse must not win.
              const mine = ++blockEdits.current;
              void blockName(v).then((name) => {
                if (name !== '' && mine === blockEdits.current) setMergeName(name);
              });
            }}
            rows={8}
            help="Filled in with the first corrected block above; paste a block from a guide or the generator instead if you like."
          />
        </form>
        {merge && (
          <div class="cmd-merge-result" data-merge-collision={merge.collision ? 'true' : 'false'}>
            {merge.error ? (
              <p class="cmg-blocked">
                <Rich text={merge.error.message} />
              </p>
            ) : (
              <>
                {merge.warnings.length > 0 && (
                  <div class="cmg-notice" data-merge-warning>
                    <ul>
                      {merge.warnings.map((w) => (
                        <li>
                          <Rich text={w} />
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <OutputBlock kind="merged" title="Merged config.toml" text={merge.text ?? ''} lang="toml" highlighter={(merge.text ?? '').length > HIGHLIGHT_LIMIT ? null : highlighter} interactive={hydrated} onCopied={announce} />
              </>
            )}
          </div>
        )}
      </section>
      <p class="cmg-live" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
