/**
 * Starlight route middleware: the troubleshooting page's entries are rendered from the message record
 * (src/lib/site/troubleshooting.ts), so Starlight does not see their headings; this adds each entry
 * to the page's contents list under its group, so every message is one click from the top.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { TROUBLE_ENTRIES, TROUBLE_GROUPS } from './lib/site/troubleshooting.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.id !== 'reference/troubleshooting' || !route.toc) return;
  for (const item of route.toc.items) {
    const group = Object.entries(TROUBLE_GROUPS).find(([, heading]) => heading === item.text)?.[0];
    if (!group) continue;
    const entries = TROUBLE_ENTRIES.filter((e) => e.group === group);
    item.children.push(
      ...entries.map((e) => ({ depth: 3, slug: e.anchor, text: e.title, children: [] })),
    );
  }
});
