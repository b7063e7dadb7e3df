/**
 * The zod schema for provider data files (`content/providers/*.json`), used by the content config.
 * Kept apart from `provider.ts` so the browser island imports only types from here, never zod itself.
 */
import { z } from 'zod';

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

/** A part of a templated endpoint the user fills in, such as `{instance}`. */
export const endpointParamSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: z.string(),
  placeholder: z.string(),
  help: z.string(),
  /** The value used for the page's default output and its build-time rendering. */
  example: z.string(),
});

/** An endpoint: a fixed URL, or a template such as `https://{instance}/api/mcp`. */
export const endpointSchema = z.object({
  url: z.string(),
  params: z.array(endpointParamSchema).default([]),
});

const modeBase = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  label: z.string(),
  description: z.string(),
  /** Overrides the provider's endpoint for this mode (Omni's OAuth and API-key URLs differ). */
  endpoint: endpointSchema.optional(),
};

/** One way to authenticate. `kind` decides the form fields and how the spec is built. */
export const authModeSchema = z.discriminatedUnion('kind', [
  z.object({ ...modeBase, kind: z.literal('oauth') }),
  z.object({ ...modeBase, kind: z.literal('none') }),
  z.object({
    ...modeBase,
    kind: z.literal('bearer'),
    envVar: envName,
    secretLabel: z.string(),
    placeholder: z.string(),
  }),
  z.object({
    ...modeBase,
    kind: z.literal('header'),
    header: z.string(),
    /** Prefix of the header value before the secret, e.g. "Bearer ". */
    prefix: z.string().default(''),
    envVar: envName,
    secretLabel: z.string(),
    placeholder: z.string(),
  }),
  z.object({
    ...modeBase,
    /** A local server Codex starts itself (stdio transport); the command and args are presets. */
    kind: z.literal('stdio'),
    command: z.string(),
    args: z.array(z.string()).default([]),
  }),
  z.object({
    ...modeBase,
    kind: z.literal('basic'),
    envVar: envName,
    userVar: envName,
    secretVar: envName,
    userLabel: z.string(),
    secretLabel: z.string(),
    userPlaceholder: z.string(),
    placeholder: z.string(),
  }),
]);

/** An optional, non-secret header the provider understands (Omni's `X-MCP-*`). */
export const extraHeaderSchema = z.object({
  name: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/),
  label: z.string(),
  help: z.string(),
  type: z.enum(['text', 'boolean']).default('text'),
  /** Auth modes that send it; all when absent. */
  modes: z.array(z.string()).optional(),
});

/** Everything the site knows about one provider. */
export const providerSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  summary: z.string(),
  docsUrl: z.url(),
  serverName: z.string().regex(/^[A-Za-z0-9_:@/.-]+$/),
  endpoint: endpointSchema,
  scopes: z
    .array(z.enum(['user', 'project']))
    .min(1)
    .default(['user']),
  authModes: z.array(authModeSchema).min(1),
  headers: z.array(extraHeaderSchema).default([]),
  /** Whether the form offers free-form headers (literal and env-sourced), for the "any server" guide. */
  customHeaders: z.boolean().default(false),
  recommended: z
    .object({
      startupTimeoutSec: z.number().positive().optional(),
      toolTimeoutSec: z.number().positive().optional(),
    })
    .default({}),
});

/** A provider's data after validation. */
export type Provider = z.output<typeof providerSchema>;
/** One of a provider's auth modes. */
export type AuthModeData = z.output<typeof authModeSchema>;
/** A provider's endpoint (fixed URL or template). */
export type Endpoint = z.output<typeof endpointSchema>;
