/**
 * What a local (stdio) server gets from the environment Codex was started in, on Linux and macOS:
 * the fixed list, and the certificate-bundle variables passed when set. Nothing else of the parent's
 * environment reaches it, only the entry's `env` and the names in `env_vars`. Proven exactly (the
 * server's whole environment compared) by tests/conformance/runtime/routes.test.ts and guides.test.ts.
 */

/** Parent variables every local server gets when they are set (`PATH` with Codex's helper folders in front). */
export const STDIO_PARENT_VARS = [
  'HOME',
  'LANG',
  'LC_ALL',
  'LOGNAME',
  'PATH',
  'SHELL',
  'TERM',
  'TMPDIR',
  'TZ',
  'USER',
] as const;

/** Certificate-bundle variables a local server also gets, each only when it is set (CHANGES.stdioCaVars). */
export const STDIO_CA_VARS = [
  'CURL_CA_BUNDLE',
  'GIT_SSL_CAINFO',
  'NODE_EXTRA_CA_CERTS',
  'PIP_CERT',
  'REQUESTS_CA_BUNDLE',
  'SSL_CERT_FILE',
] as const;

/**
 * Where Codex's source keeps the Windows list instead (`WINDOWS_CORE_ENV_VARS`, used as
 * `DEFAULT_ENV_VARS` by codex-rs/rmcp-client/src/utils.rs); not run by this site's tests.
 */
export const WINDOWS_ENV_SOURCE = 'codex-rs/protocol/src/shell_environment.rs';
