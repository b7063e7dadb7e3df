/**
 * Serves a production build with the headers a real host applies (its `_headers`: the CSP,
 * frame-ancestors, HSTS…), under the base path it was built for:
 * `node scripts/serve-dist.ts [PORT] [DIR]` (PORT also from the environment, default 4321),
 * BASE_PATH as for the build. `npm start` and
 * Playwright's webServer use it, so the e2e suite sees the production header policy.
 */
import { serveDist } from '../tests/support/serve.ts';

const port = Number(process.argv[2] ?? process.env['PORT'] ?? 4321);
const dir = process.argv[3] ?? 'dist';
const { url } = await serveDist(dir, port, process.env['BASE_PATH'] ?? '/');
console.log(`Serving ${dir}/ with its _headers at ${url}/`);
