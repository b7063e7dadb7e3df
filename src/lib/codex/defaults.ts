/**
 * Codex's defaults for `[mcp_servers.NAME]` settings the reader leaves unset, each proven by a test
 * that runs the real CLI (named in its doc comment). The site states them from here, never typed again.
 */

/**
 * Seconds Codex waits for a server's handshake when `startup_timeout_sec` is unset. Proven by
 * tests/conformance/runtime/cli-facts.test.ts "startup" (a required server that never answers
 * fails after 29.x s, one with `startup_timeout_sec = 2` after 1.x s).
 */
export const DEFAULT_STARTUP_TIMEOUT_SEC = 30;
