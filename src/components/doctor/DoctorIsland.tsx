/**
 * The config doctor and merge preview. The pasted text goes to the pure functions in src/lib
 * (doctor.ts, merge.ts), run in a Web Worker of this page (doctor-worker.ts) so that a large file
 * never freezes typing, and nowhere else. Nothing is stored or sent.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CODEX_NEWEST, type Release } from '../../lib/codex/releases.ts';
import type { DoctorReport } from '../../lib/doctor/index.ts';
import { fragmentForRelease, releaseFromFragment } from '../../lib/doctor/link.ts';
import type { MergeResult } from '../../lib/config-file/merge.ts';
import type { Provider } from '../../lib/input/provider.ts';
import type { AnalysisRequest, DoctorAnswer, MergeAllAnswer } from './doctor-analysis.ts';
import { FileFindings, RepairView, useCards, type Mode } from './doctor-cards.tsx';
import { createAnalyser, type Analyser } from './doctor-client.ts';
import { Area, blockName, EXAMPLES, ReleaseSelect } from './doctor-fields.tsx';
import { looksLikeJson } from '../../lib/doctor/detect.ts';
import { MergePreview } from './doctor-merge.tsx';
import { MergeAllView, PluginFiles, Rich } from './doctor-view.tsx';
import { Choice } from '../shared/fields.tsx';
import { useAnnouncer } from '../shared/live.ts';
import '../generator/generator.css';
import './doctor.css';

/** Server cards shown at first, and added by "Show more": rendering thousands at once blocks the page. */
const PAGE = 20;
/** Quiet time after the last keystroke before the text is analysed again. */
const DEBOUNCE_MS = 150;

export default function DoctorIsland({ provider }: { provider?: Provider }) {
  const [mode, setMode] = useState<Mode>('toml');
  // Set when the doctor switched to JSON itself (JSON pasted as config.toml); the notice says so.
  const [autoJson, setAutoJson] = useState(false);
  // Set when the doctor switched to a plugin's file itself (a manifest, or ${CLAUDE_PLUGIN_ROOT}).
  const [autoPlugin, setAutoPlugin] = useState(false);
  const [release, setRelease] = useState<Release>(CODEX_NEWEST);
  const [input, setInput] = useState('');
  const [exported, setExported] = useState('');
  const [existing, setExisting] = useState('');
  const [mergeName, setMergeName] = useState('');
  const [mergeBlock, setMergeBlock] = useState('');
  const [blockTouched, setBlockTouched] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [announcement, announce] = useAnnouncer();
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const mergeHeadingRef = useRef<HTMLHeadingElement | null>(null);

  // The release lives in the fragment (`#codex=…`, nothing else), so a link reopens the same verdict.
  useEffect(() => {
    const follow = () => setRelease(releaseFromFragment(location.hash));
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const chooseRelease = (r: Release) => {
    setRelease(r);
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}${fragmentForRelease(r)}`,
    );
    announce(`The doctor now judges by Codex ${r}.`);
  };

  useEffect(() => {
    setHydrated(true);
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
  const schedule = (
    request: AnalysisRequest,
    apply: (answer: Awaited<ReturnType<Analyser['run']>>) => void,
  ): (() => void) => {
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

  // After a switch the doctor made itself, TOML pasted again switches back.
  useEffect(() => {
    const auto = (autoJson && mode === 'json') || (autoPlugin && mode === 'plugin');
    if (auto && input.trim() !== '' && !looksLikeJson(input)) {
      setMode('toml');
      setAutoJson(false);
      setAutoPlugin(false);
    }
  }, [input, autoJson, autoPlugin, mode]);

  useEffect(() => {
    if (input.trim() === '') {
      seqs.current.doctor += 1;
      setDoctor(null);
      setDoctorBusy(false);
      setShown(PAGE);
      return undefined;
    }
    setDoctorBusy(true);
    const request: AnalysisRequest = {
      kind: 'doctor',
      mode,
      release,
      text: input,
      limit: shown,
      ...(exportedEnv && { exportedEnv }),
      ...(provider && { provider }),
    };
    return schedule(request, (answer) => {
      if (answer.kind !== 'doctor') return;
      setDoctor(answer);
      setDoctorBusy(false);
      // A plugin's own file pasted as another client's JSON: the choice above follows, with a word why.
      if (answer.report.readAsPlugin && mode !== 'plugin') {
        setMode('plugin');
        setAutoPlugin(true);
        announce(
          'This is a plugin\'s own file: the doctor switched to "A plugin\'s .mcp.json or plugin.json".',
        );
        return;
      }
      // JSON pasted as config.toml: read as JSON, and the choice above follows, with a word why.
      if (answer.report.readAsJson && mode === 'toml') {
        setMode('json');
        setAutoJson(true);
        announce('This is JSON, not TOML: the doctor switched to "JSON from another client".');
      }
    });
  }, [input, mode, release, exportedEnv, shown]);

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
    return schedule(
      { kind: 'merge', existing, name: effectiveName.trim(), block: effectiveBlock },
      (answer) => {
        if (answer.kind === 'merge') setMergeAnswer(answer.merge);
      },
    );
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
    setMergedAll(null);
    setMergeName(name);
    setMergeBlock(block);
    setBlockTouched(true);
    mergeHeadingRef.current?.focus();
    announce(`The block for ${name} is in the merge preview.`);
  };

  const [mergedAll, setMergedAll] = useState<MergeAllAnswer | null>(null);
  const mergeAllHeadingRef = useRef<HTMLHeadingElement | null>(null);
  const allBlocks = (report?.servers ?? []).flatMap((s) =>
    s.corrected ? [{ name: s.corrected.name, toml: s.corrected.toml }] : [],
  );
  // config.toml: the blocks replace the entries of the pasted file itself (its repaired text when
  // backslashes had to be fixed); other clients' JSON: they go into "Your current config.toml".
  const mergeAllBase = mode === 'toml' ? (report?.repair?.text ?? input) : existing;
  const mergeAll = () => {
    const mine = ++seqs.current.mergeAll;
    analyser.current ??= createAnalyser();
    void analyser.current
      .run({ kind: 'mergeAll', existing: mergeAllBase, blocks: allBlocks })
      .then((answer) => {
        if (answer.kind !== 'mergeAll' || mine !== seqs.current.mergeAll) return;
        setMergedAll(answer);
        const added = answer.diff.filter((l) => l.kind === 'added').length;
        const removed = answer.diff.filter((l) => l.kind === 'removed').length;
        announce(
          `${answer.result.merged.length} corrected ${answer.result.merged.length === 1 ? 'block' : 'blocks'} merged: ${added} lines added, ${removed} removed.`,
        );
        setTimeout(() => mergeAllHeadingRef.current?.focus(), 0);
      });
  };
  // A new diagnosis makes the old merged file stale.
  useEffect(() => {
    seqs.current.mergeAll += 1;
    setMergedAll(null);
  }, [report, existing]);

  const { cards, cardsBehind } = useCards(report, {
    hydrated,
    onCopied: announce,
    onLine: goToLine,
    onMerge: sendToMerge,
  });
  const problems = report
    ? report.servers.reduce((n, s) => n + s.rejected.length, 0) +
      report.file.filter((f) => f.kind === 'rejected').length
    : 0;

  return (
    <div class="cmg cmd not-content" data-doctor data-hydrated={hydrated ? 'true' : undefined}>
      <form
        class="cmg-form"
        aria-label="Config to check"
        onSubmit={(e) => e.preventDefault()}
        noValidate
      >
        <Choice
          id="cmd-mode"
          legend="What are you pasting?"
          value={mode}
          options={[
            { value: 'toml', label: 'Codex config.toml', help: '' },
            {
              value: 'json',
              label: 'JSON from another client',
              help: '(Claude Desktop, Cursor, VS Code, Gemini CLI, OpenCode… or a server.json)',
            },
            {
              value: 'plugin',
              label: "A plugin's .mcp.json or plugin.json",
              help: '(read by Codex itself, Codex or Claude style)',
            },
          ]}
          onChange={(v) => {
            setMode(v === 'json' || v === 'plugin' ? v : 'toml');
            setAutoJson(false);
            setAutoPlugin(false);
          }}
          messages={[]}
          inline
        />
        {autoJson && mode === 'json' && (
          <p class="cmg-notice" data-auto-json>
            What you pasted is JSON, not TOML, so the doctor reads it as JSON from another client.
          </p>
        )}
        {autoPlugin && mode === 'plugin' && (
          <p class="cmg-notice" data-auto-plugin>
            What you pasted is a plugin's own file (Codex reads it itself), so the doctor reads it
            as one.
          </p>
        )}
        <ReleaseSelect value={release} onChange={chooseRelease} />
        <Area
          id="cmd-input"
          label={
            mode === 'toml'
              ? 'Your config.toml'
              : mode === 'plugin'
                ? "Your plugin's .mcp.json or plugin.json"
                : 'Your JSON MCP configuration'
          }
          value={input}
          onInput={setInput}
          areaRef={inputRef}
          help={
            mode === 'toml'
              ? 'Paste all of ~/.codex/config.toml (or .codex/config.toml). Checked as you type, in this browser tab only.'
              : mode === 'plugin'
                ? "Paste the plugin's .mcp.json, or its .codex-plugin/plugin.json. Checked as you type, in this browser tab only."
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
            Names only, separated by spaces, such as the output of <code>env | cut -d= -f1</code>.
            The doctor then flags variables your servers read that are not set.
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

      <section
        class="cmd-results"
        aria-labelledby="cmd-results-heading"
        aria-busy={doctorBusy || cardsBehind ? 'true' : 'false'}
        data-busy={doctorBusy || cardsBehind ? 'true' : undefined}
      >
        <h2 id="cmd-results-heading">Diagnosis</h2>
        {!report ? (
          <p class="cmg-help">
            {input.trim() === ''
              ? 'Paste a configuration above to see what Codex does with it.'
              : 'Checking…'}
          </p>
        ) : (
          <>
            <p
              class={`cmd-summary ${report.parseError || problems > 0 ? 'cmd-summary-error' : report.loads && !report.unchecked?.length ? 'cmd-summary-ok' : 'cmd-summary-warning'}`}
              data-loads={report.loads ? 'true' : 'false'}
              data-release={release}
            >
              <Rich text={report.summary} />
            </p>
            {report.parseError && (
              <p>
                <button
                  type="button"
                  class="cmd-line"
                  onClick={() => goToLine(report.parseError?.line ?? 1)}
                >
                  Go to line {report.parseError.line}, column {report.parseError.column}
                </button>
              </p>
            )}
            <FileFindings report={report} onLine={goToLine} />
            {report.servers.length > 0 && <ul class="cmd-servers">{cards}</ul>}
            {report.plugin && (
              <PluginFiles plugin={report.plugin} interactive={hydrated} onCopied={announce} />
            )}
            {report.repair && hydrated && <RepairView repair={report.repair} onCopied={announce} />}
            {hydrated && allBlocks.length > 0 && mode !== 'plugin' && (
              <p class="cmd-actions">
                <button type="button" data-merge-all onClick={mergeAll}>
                  Merge all {allBlocks.length} corrected{' '}
                  {allBlocks.length === 1 ? 'block' : 'blocks'} into{' '}
                  {mode === 'toml' ? 'this file' : 'your current config.toml (below)'}
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
        <section
          class="cmd-merge-all"
          aria-labelledby="cmd-merge-all-heading"
          data-merge-all-result
        >
          <h2 id="cmd-merge-all-heading" tabIndex={-1} ref={mergeAllHeadingRef}>
            All corrected blocks, merged
          </h2>
          <MergeAllView answer={mergedAll} interactive={hydrated} onCopied={announce} />
        </section>
      )}

      <MergePreview
        existing={existing}
        onExisting={setExisting}
        name={effectiveName}
        onName={(v) => {
          blockEdits.current += 1;
          setMergeName(v);
          setMergedAll(null);
        }}
        block={effectiveBlock}
        onBlock={(v) => {
          setMergeBlock(v);
          setBlockTouched(true);
          setMergedAll(null);
          // Only the latest edit may set the name: an earlier, slower parse must not win.
          const mine = ++blockEdits.current;
          void blockName(v).then((name) => {
            if (name !== '' && mine === blockEdits.current) setMergeName(name);
          });
        }}
        // One merged result: while "Merge all" is shown, this preview's own file is not (it held one
        // server of several under the same title); editing a field here brings it back.
        merge={mergedAll ? null : merge}
        mergedAbove={mergedAll !== null}
        headingRef={mergeHeadingRef}
        hydrated={hydrated}
        onCopied={announce}
      />
      <p class="cmg-live" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
