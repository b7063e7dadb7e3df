/** Serves dist/ for Playwright's webServer: `node scripts/serve-dist.ts PORT`. */
import { serveDist } from '../tests/support/serve.ts';

const port = Number(process.argv[2] ?? 4321);
const { url } = await serveDist('dist', port);
console.log(`Serving dist/ at ${url}`);
