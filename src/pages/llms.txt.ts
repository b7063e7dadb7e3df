/** `/llms.txt`: an index of the guides for agents, generated from the docs collection at build time. */
import type { APIRoute } from 'astro';
import { docPages } from '../components/site/doc-pages.ts';
import { llmsIndex } from '../lib/site/llms.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(llmsIndex(site?.href ?? 'http://localhost/', await docPages()), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
