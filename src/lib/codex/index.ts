/** One table of Codex knowledge: releases, per-release facts, the keys of `[mcp_servers.NAME]`, and what changed. */
export * from './releases.ts';
export * from './changes.ts';
export * from './keys.ts';
export * from './facts.ts';
export * from './defaults.ts';
export * from './reserved.ts';
export * from './sets.ts';
export * from './plugins.ts';
export * from './environment.ts';
