/**
 * Keeps the guide's generator engine in one chunk of the client build (the JS a guide loads on the
 * first interaction, budget 30 KB gzipped: tests/support/budget.ts).
 *
 * Left to itself, Rolldown splits what `engine.ts` imports by which other lazy entry shares it (the
 * team kit, share links, the server.json import, the plugin files, the doctor's main-thread
 * fallback): nine chunks, each with its own import and export lines, and gzip loses the context
 * between them (32,322 B where the same code in one file is 28.9 KB). This plugin gives Rolldown one
 * group instead: every module the engine imports statically that no page runs before the first
 * interaction. Left out, and so chunked as before:
 * - modules a page entry (an island, a page script) reaches statically: they are already loaded,
 *   and taking them would put the whole engine on that page's critical path;
 * - modules imported dynamically elsewhere (their own lazy entries, e.g. smol-toml's index, which
 *   the doctor imports for `parse`), and what lies behind them, except what `alsoTake` names;
 * - `engine.ts` itself: its chunk stays a small facade that re-exports the group's names, so the
 *   island's `import()` keeps its names without a namespace helper.
 * Other lazy entries that import part of the group load the whole group: they load on request
 * (share link, plugin files, settings, server.json import) or on another page (team kit).
 *
 * The group's modules keep their static order inside the chunk, and everything outside it that
 * they import is either loaded before the first interaction or a chunk of its own with no
 * imports (releases.ts, which the doctor runs at once), so no module runs earlier than before.
 * Client build only: the server builds keep Astro's chunking.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export interface EngineChunkOptions {
  /** The module the island imports dynamically (`engine.ts`). */
  engine: URL;
  /** Name of the group's chunk (`[name].[hash].js`). */
  name: string;
  /** Modules reached only through another lazy entry that the engine still uses. */
  alsoTake?: RegExp;
}

/** What `engineGroup` needs to know of a module (a subset of Rolldown's ModuleInfo). */
export interface GraphNode {
  isEntry: boolean;
  importedIds: readonly string[];
  dynamicImporters: readonly string[];
}

/**
 * The modules of the engine's chunk: the static closure of `engineId`, without the static closure
 * of every entry (what pages run before any interaction), stopping at modules imported dynamically
 * elsewhere (other lazy entries), plus the modules `alsoTake` names that no entry loads. `engineId`
 * itself stays out (its chunk re-exports the group's names). Null when `engineId` is not built.
 */
export function engineGroup(
  engineId: string,
  ids: readonly string[],
  info: (id: string) => GraphNode | null,
  alsoTake?: RegExp,
): Set<string> | null {
  if (!info(engineId)) return null;
  const initial = new Set<string>();
  const queue = ids.filter((id) => info(id)?.isEntry);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (initial.has(id)) continue;
    initial.add(id);
    queue.push(...(info(id)?.importedIds ?? []));
  }
  const members = new Set<string>();
  const seen = new Set<string>();
  const walk = [engineId];
  while (walk.length > 0) {
    const id = walk.pop()!;
    if (seen.has(id) || initial.has(id)) continue;
    seen.add(id);
    const m = info(id);
    if (!m || (id !== engineId && m.dynamicImporters.length > 0)) continue;
    if (id !== engineId) members.add(id);
    walk.push(...m.importedIds);
  }
  if (alsoTake) for (const id of ids) if (alsoTake.test(id) && !initial.has(id)) members.add(id);
  return members;
}

export default function engineChunk({ engine, name, alsoTake }: EngineChunkOptions): Plugin {
  const engineId = fileURLToPath(engine);
  let members = new Set<string>();
  return {
    name: 'codex-mcp:engine-chunk',
    applyToEnvironment: (environment) => environment.name === 'client',
    // A manual group that leaves out its modules' dependencies needs entry chunks that may export
    // more than their module does (Rolldown refuses the combination with Astro's 'exports-only').
    // Islands keep their own exports; only extra ones may be added.
    options: (options) => ({ ...options, preserveEntrySignatures: 'allow-extension' }),
    buildEnd() {
      const group = engineGroup(
        engineId,
        [...this.getModuleIds()],
        (id) => this.getModuleInfo(id),
        alsoTake,
      );
      if (!group) this.error(`engine-chunk: ${engineId} is not in the build`);
      members = group;
    },
    outputOptions: (output) => ({
      ...output,
      codeSplitting: {
        groups: [
          {
            name: (id: string) => (members.has(id) ? name : null),
            includeDependenciesRecursively: false,
          },
        ],
      },
    }),
  };
}
