/** `/llms.txt`: an index of the guides for agents, generated from the docs collection at build time. */
import type { APIRoute } from 'astro';
import { docPages } from '../components/site/doc-pages.ts';
import { llmsIndex } from '../lib/site/llms.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(
    llmsIndex(
      new URL(import.meta.env.BASE_URL, site ?? 'http://localhost/').href,
      await docPages(),
    ),
    {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  );
