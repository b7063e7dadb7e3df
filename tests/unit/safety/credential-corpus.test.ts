/**
 * Issue 20: the credential detector measured on a corpus. Key SHAPES (each a generator of random
 * instances, many per shape) must all be flagged; ordinary values (hosts, package names, paths,
 * UUIDs, digests, tool names, header values, versions) should not, and the false-positive rate is
 * computed and bounded. The figures are in docs/security.md.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findCredential } from '../../../src/lib/safety/credentials.ts';

const HEX = '0123456789abcdef';
const HEX_UP = '0123456789ABCDEF';
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = B62 + '+/';
const URL64 = B62 + '-_';
const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0234567';
const of = (alphabet: string, n: number): string =>
  Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const b64 = (bytes: number): string => randomBytes(bytes).toString('base64');
const b64url = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** Real key shapes: [name, generator]. Prefixes and lengths as the vendors document them. */
const SHAPES: [string, () => string][] = [
  ['GitHub classic PAT', () => `ghp_${of(B62, 36)}`],
  ['GitHub OAuth token', () => `gho_${of(B62, 36)}`],
  ['GitHub user-to-server', () => `ghu_${of(B62, 36)}`],
  ['GitHub server-to-server', () => `ghs_${of(B62, 36)}`],
  ['GitHub refresh token', () => `ghr_${of(B62, 36)}`],
  ['GitHub fine-grained PAT', () => `github_pat_${of(B62, 22)}_${of(B62, 59)}`],
  ['GitLab PAT', () => `glpat-${of(URL64, 20)}`],
  ['GitLab runner token', () => `glrt-${of(URL64, 20)}`],
  ['GitLab deploy token', () => `gldt-${of(URL64, 20)}`],
  ['OpenAI project key', () => `sk-proj-${of(URL64, 48)}`],
  ['OpenAI legacy key', () => `sk-${of(B62, 48)}`],
  ['Anthropic key', () => `sk-ant-api03-${of(URL64, 93)}AA`],
  ['Stripe secret key', () => `sk_live_${of(B62, 24)}`],
  ['Stripe restricted key', () => `rk_live_${of(B62, 24)}`],
  ['Stripe publishable key', () => `pk_live_${of(B62, 24)}`],
  ['Stripe webhook secret', () => `whsec_${of(B62, 32)}`],
  ['Slack bot token', () => `xoxb-${randomInt(1e12)}-${randomInt(1e12)}-${of(B62, 24)}`],
  ['Slack user token', () => `xoxp-${randomInt(1e12)}-${randomInt(1e12)}-${of(HEX, 32)}`],
  ['Slack app token', () => `xapp-1-A${of(UPPER_NUM, 10)}-${randomInt(1e12)}-${of(HEX, 64)}`],
  ['npm token', () => `npm_${of(B62, 36)}`],
  ['PyPI token', () => `pypi-AgEIcHlwaS5vcmc${of(URL64, 60)}`],
  ['Hugging Face token', () => `hf_${of(B62, 34)}`],
  ['AWS access key id', () => `AKIA${of(UPPER_NUM, 16)}`],
  ['AWS temporary key id', () => `ASIA${of(UPPER_NUM, 16)}`],
  ['AWS secret access key', () => of(B64, 40)],
  ['AWS documentation secret', () => 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['Google API key', () => `AIza${of(URL64, 35)}`],
  ['Google OAuth client secret', () => `GOCSPX-${of(URL64, 28)}`],
  ['Google OAuth access token', () => `ya29.${of(URL64, 120)}`],
  ['JWT', () => `eyJhbGciOiJIUzI1NiJ9.${b64url(24)}.${b64url(32)}`],
  ['Shopify admin token', () => `shpat_${of(HEX, 32)}`],
  ['Shopify custom app token', () => `shpca_${of(HEX, 32)}`],
  ['Shopify private app token', () => `shppa_${of(HEX, 32)}`],
  ['Shopify shared secret', () => `shpss_${of(HEX, 32)}`],
  ['vendor live token (40 hex)', () => `vendor_live_${of(HEX, 40)}`],
  ['vendor test token (32 hex)', () => `acme_test_${of(HEX, 32)}`],
  ['32-hex key', () => of(HEX, 32)],
  ['32-hex key, upper case', () => of(HEX_UP, 32)],
  ['40-hex token', () => of(HEX, 40)],
  ['64-hex secret', () => of(HEX, 64)],
  ['32-byte base64 key', () => b64(32)],
  ['64-byte base64 key', () => b64(64)],
  ['24-byte base64 key', () => b64(24)],
  ['32-byte base64url key', () => b64url(32)],
  ['base62 key, 32', () => of(B62, 32)],
  ['base62 key, 40', () => of(B62, 40)],
  ['SendGrid key', () => `SG.${of(URL64, 22)}.${of(URL64, 43)}`],
  ['DigitalOcean token', () => `dop_v1_${of(HEX, 64)}`],
  ['Databricks token', () => `dapi${of(HEX, 32)}`],
  ['Mailgun key', () => `key-${of(HEX, 32)}`],
  ['Brevo key', () => `xkeysib-${of(HEX, 64)}-${of(B62, 16)}`],
  ['Square access token', () => `sq0atp-${of(URL64, 22)}`],
  ['Square secret', () => `sq0csp-${of(URL64, 43)}`],
  ['Linear key', () => `lin_api_${of(B62, 40)}`],
  ['Notion token', () => `ntn_${of(B62, 46)}`],
  ['Notion legacy secret', () => `secret_${of(B62, 43)}`],
  ['Figma token', () => `figd_${of(URL64, 40)}`],
  ['Groq key', () => `gsk_${of(B62, 52)}`],
  ['xAI key', () => `xai-${of(B62, 80)}`],
  ['Replicate token', () => `r8_${of(B62, 37)}`],
  ['LangSmith key', () => `lsv2_pt_${of(HEX, 32)}_${of(HEX, 10)}`],
  ['Vault token', () => `hvs.${of(URL64, 90)}`],
  ['Docker token', () => `dckr_pat_${of(URL64, 27)}`],
  ['Pulumi token', () => `pul-${of(HEX, 40)}`],
  ['Netlify token', () => `nfp_${of(B62, 36)}`],
  ['Render key', () => `rnd_${of(B62, 32)}`],
  ['Contentful token', () => `CFPAT-${of(URL64, 43)}`],
  ['Atlassian API token', () => `ATATT3xFfGF0${of(URL64, 180)}`],
  ['New Relic key', () => `NRAK-${of(UPPER_NUM, 27)}`],
  ['Grafana token', () => `glsa_${of(B62, 32)}_${of(HEX, 8)}`],
  ['Sentry token', () => `sntrys_${b64(60).replace(/=+$/, '')}`],
  ['PlanetScale token', () => `pscale_tkn_${of(URL64, 43)}`],
  ['age secret key', () => `AGE-SECRET-KEY-1${of(UPPER_NUM, 58)}`],
  ['Twilio auth token', () => of(HEX, 32)],
  ['Azure storage key', () => b64(64)],
];
const PER_SHAPE = 200;

// Ordinary values a field holds: nothing here is a secret.
const pkg = [
  '@modelcontextprotocol/server-filesystem',
  '@modelcontextprotocol/server-everything',
  '@acme/official',
  'mcp-remote',
  'mcp-server-postgres',
  'weather-mcp',
  '@playwright/mcp',
  'uv',
  'mcp-proxy',
  '@upstash/context7-mcp',
  'firecrawl-mcp',
  '@notionhq/notion-mcp-server',
  'server-github',
  '@sentry/mcp-server',
  'mcp-server-fetch',
  'mcp-server-git',
  'awslabs.core-mcp-server',
  'docker.io/acme/official',
  'ghcr.io/github/github-mcp-server',
  'mcp/postgres',
];
const hosts = [
  'mcp.example.com',
  'acme.omniapp.co',
  'mcp.nekt.com',
  'mcp.cloud.cdata.com',
  'mcp.alloy.app',
  'callbacks.omniapp.co',
  'api.githubcopilot.com',
  'localhost',
  '127.0.0.1',
  'cinatra.example.com',
  'mcp.linear.app',
  'mcp.notion.com',
  'mcp.sentry.dev',
  'server.smithery.ai',
  'mcp.atlassian.com',
  'api.example.org:8443',
  'mcp-staging.internal.acme.io',
  'eu.api.acme.com',
  'us-east-1.amazonaws.com',
  'my-instance.cinatra.app',
];
const paths = [
  '/home/me/projects',
  '/Users/jane/Documents/notes',
  'C:\\Users\\Jane\\AppData\\Roaming\\npm',
  '/usr/local/bin/node',
  '~/.codex/config.toml',
  '/var/lib/postgresql/data',
  './server.py',
  '/opt/homebrew/bin/uvx',
  '/srv/mcp/current',
  '/tmp/mcp-2024-06-01',
  '/Users/JohnSmith/Projects/MyApp2024/src',
  '/home/runner/work/repo/repo',
  'D:\\Work\\McpServers\\Weather',
  '/etc/ssl/certs/ca-certificates.crt',
  '/mnt/data/Exports2025Q1/Reports',
];
const tools = [
  'search',
  'read_file',
  'write_file',
  'list_directory',
  'get_issue',
  'create_pull_request',
  'query',
  'fetch',
  'browser_navigate',
  'run_sql',
  'getWeatherForecast',
  'listRepositoriesForAuthenticatedUser',
  'search_documents_v2',
  'createOrUpdateFile',
  'resolve-library-id',
];
const headers = [
  'application/json',
  'no-cache',
  'en-US,en;q=0.9',
  'gzip, deflate, br',
  'Model-ID-42',
  'sales-dashboard',
  'true',
  'read-only',
  'codex-cli/0.171.0',
  'Mozilla/5.0 (X11; Linux x86_64)',
  'text/event-stream',
  '2024-11-05',
  'X-Request-Source=codex',
];
const versions = [
  '1.0.0',
  '0.171.0',
  'v2.3.4-beta.1',
  '2025-06-18',
  '3.12',
  'latest',
  '1.2.3+build.456',
  '20.11.1',
  '0.5.0rc2',
  'sha-1a2b3c4',
];
const words = [
  'docs',
  'github',
  'postgres-prod',
  'weather_v2',
  'MY_TOKEN',
  'GITHUB_PERSONAL_ACCESS_TOKEN',
  'NEKT_MCP_BEARER_TOKEN',
  'X-Api-Key',
  'Authorization',
  'read,write',
  'repo:status',
  'McpServerForGitHub2024Edition',
  'com.example.mcp.ModelContextProtocolServer',
  'io.github.acme/official',
  'npx -y @acme/official@1.0.0',
  '--port 8080',
  '--read-only',
  'stdio',
  'streamable-http',
  'https://mcp.example.com/mcp',
  'https://api.example.com/v1/projects/12345/mcp',
  'https://mcp.example.com/mcp?pageToken=abc123',
];

function ordinary(): string[] {
  const out = [...pkg, ...hosts, ...paths, ...tools, ...headers, ...versions, ...words];
  for (let i = 0; i < 60; i++) out.push(randomUUID());
  for (let i = 0; i < 30; i++) out.push(`sha256:${randomBytes(32).toString('hex')}`);
  for (let i = 0; i < 20; i++)
    out.push(`ghcr.io/acme/server@sha256:${randomBytes(32).toString('hex')}`);
  for (let i = 0; i < 20; i++) out.push(`https://${hosts[i % hosts.length]}/mcp`);
  for (let i = 0; i < 20; i++) out.push(`${pkg[i % pkg.length]}@${versions[i % versions.length]}`);
  for (let i = 0; i < 40; i++)
    out.push(`${paths[i % paths.length]}/${tools[i % tools.length]}.json`);
  for (let i = 0; i < 40; i++)
    out.push(`https://${hosts[(i * 7) % hosts.length]}/v1/${tools[i % tools.length]}`);
  return out;
}

describe('credential corpus (issue 20)', () => {
  it(`flags every instance of ${SHAPES.length} key shapes (${PER_SHAPE} random instances each)`, () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(50);
    const missed: string[] = [];
    for (const [name, make] of SHAPES)
      for (let i = 0; i < PER_SHAPE; i++) {
        const key = make();
        if (!findCredential(key)) missed.push(`${name}: ${key}`);
      }
    expect(missed.slice(0, 20)).toEqual([]);
  });

  it('flags them inside a value too (a URL parameter, an argument, a header value)', () => {
    for (const [name, make] of SHAPES) {
      const key = make();
      for (const v of [`https://mcp.example.com/mcp/${key}`, `--x ${key}`, `Token ${key}`])
        expect(findCredential(v), `${name} in ${v}`).toBeDefined();
    }
  });

  it('leaves ordinary values alone: false-positive rate below 1 %', () => {
    const values = ordinary();
    expect(values.length).toBeGreaterThanOrEqual(300);
    const flagged = values.filter((v) => findCredential(v));
    const rate = flagged.length / values.length;
    console.info(
      `credential corpus: ${flagged.length} of ${values.length} ordinary values flagged (${(rate * 100).toFixed(2)} %)`,
      flagged,
    );
    expect(rate).toBeLessThan(0.01);
  });
});
