/** The engine's chunk group: what the guide's first interaction loads as one chunk (engine-chunk.ts). */
import { describe, expect, it } from 'vitest';
import { engineGroup, type GraphNode } from '../../../src/integrations/engine-chunk.ts';

/** A module graph from `id: [static imports]`, with entries and dynamic imports named apart. */
function graph(
  imports: Record<string, string[]>,
  entries: string[],
  dynamic: Record<string, string[]> = {},
): { ids: string[]; info: (id: string) => GraphNode | null } {
  const ids = Object.keys(imports);
  const info = (id: string): GraphNode | null =>
    id in imports
      ? {
          isEntry: entries.includes(id),
          importedIds: imports[id]!,
          dynamicImporters: Object.keys(dynamic).filter((from) => dynamic[from]!.includes(id)),
        }
      : null;
  return { ids, info };
}

// The shape of the real build: the island (an entry) imports the light helpers and, dynamically, the
// engine; the engine reaches them too, plus the generator, which uses one module of a package whose
// index the doctor imports dynamically; the doctor island (an entry) runs the release table at once.
const site = graph(
  {
    island: ['tokens', 'preact'],
    doctor: ['releases', 'preact'],
    'doctor-fields': [],
    engine: ['generate', 'form', 'tokens', 'preact'],
    generate: ['toml', 'tokens', 'releases'],
    form: ['generate'],
    toml: ['pkg/index.js', 'releases'],
    'pkg/index.js': ['pkg/stringify.js', 'pkg/parse.js'],
    'pkg/stringify.js': [],
    'pkg/parse.js': [],
    tokens: [],
    preact: [],
    releases: [],
  },
  ['island', 'doctor'],
  { island: ['engine'], 'doctor-fields': ['pkg/index.js'] },
);

describe('engineGroup', () => {
  it('takes what only the engine loads, leaves what pages load before any interaction', () => {
    const group = engineGroup('engine', site.ids, site.info);
    expect([...group!].sort()).toEqual(['form', 'generate', 'toml']);
  });

  it('stops at another lazy entry, and takes from behind it only what alsoTake names', () => {
    const group = engineGroup('engine', site.ids, site.info, /pkg\/stringify\.js$/);
    expect([...group!].sort()).toEqual(['form', 'generate', 'pkg/stringify.js', 'toml']);
  });

  it('does not take a module that a page loads before any interaction, even when alsoTake names it', () => {
    expect(engineGroup('engine', site.ids, site.info, /^(releases|pkg\/parse\.js)$/)).toEqual(
      new Set(['form', 'generate', 'toml', 'pkg/parse.js']),
    );
  });

  it('is null when the engine is not in the build', () => {
    expect(engineGroup('missing', site.ids, site.info)).toBeNull();
  });
});
