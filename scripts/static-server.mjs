// A loopback HTTP server for the build-driven scripts (benchmarks, screenshots): serves dist/
// and one generated HTML page at `/`. Only files under dist/ are reachable.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };

export function serveBuild(page) {
  const dist = join(process.cwd(), 'dist') + sep;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    const file = normalize(join(process.cwd(), path));
    if (!file.startsWith(dist)) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://localhost:${server.address().port}/`, close: () => server.close() }),
    ),
  );
}
