/**
 * The production build as a static host serves it: `serveDist()` (dist/ plus its _headers) behind a
 * layer that gzips text responses when the client accepts it, as every static host does. Without
 * it Lighthouse's simulated slow 4G would download uncompressed CSS and JS, which no reader gets.
 */
import { createServer, request, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { serveDist } from '../../tests/support/serve.ts';

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg\+xml)/;

export async function serveDistCompressed(root: string): Promise<{ url: string; close(): void }> {
  const upstream = await serveDist(root);
  const server: Server = createServer((req, res) => {
    const up = request(
      upstream.url + (req.url ?? '/'),
      { method: req.method ?? 'GET', headers: { ...req.headers, 'accept-encoding': 'identity' } },
      (upRes) => {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          let body = Buffer.concat(chunks);
          const headers = { ...upRes.headers };
          const type = String(headers['content-type'] ?? '');
          if (
            /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) &&
            COMPRESSIBLE.test(type) &&
            body.length > 0
          ) {
            body = gzipSync(body, { level: 9 });
            headers['content-encoding'] = 'gzip';
            headers['vary'] = 'Accept-Encoding';
          }
          headers['content-length'] = String(body.length);
          res
            .writeHead(upRes.statusCode ?? 500, headers)
            .end(req.method === 'HEAD' ? undefined : body);
        });
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      server.close();
      upstream.server.close();
    },
  };
}
