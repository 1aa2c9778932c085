// A stand-in for the Tavus REST API on 127.0.0.1: records every request it gets and answers
// like Tavus (a created conversation with a meeting token; 200 to an end), unless a test says
// otherwise through `respond` or holds creates back with `holdCreates()`.
import { createServer } from 'node:http';

export class StubTavus {
  /** Every request, in order: { method, path, key, body }. */
  requests = [];
  /** Overrides the answer: (request, res) => boolean (true when it answered). */
  respond = null;
  #count = 0;
  #held = null;

  async start() {
    this.server = createServer(async (req, res) => {
      let text = '';
      for await (const chunk of req) text += chunk;
      const request = {
        method: req.method,
        path: req.url,
        key: req.headers['x-api-key'],
        body: text ? JSON.parse(text) : undefined,
      };
      this.requests.push(request);
      if (this.respond?.(request, res)) return;
      if (req.url === '/v2/conversations') {
        if (this.#held) await this.#held.promise;
        const id = `c${++this.#count}`;
        send(res, 200, {
          conversation_id: id,
          conversation_url: `https://tavus.daily.co/${id}`,
          meeting_token: `mt-${id}`,
          status: 'active',
        });
      } else {
        send(res, 200, {});
      }
    });
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${this.server.address().port}`;
    return this;
  }

  get creates() {
    return this.requests.filter((r) => r.path === '/v2/conversations');
  }

  get ends() {
    return this.requests.filter((r) => r.path.endsWith('/end'));
  }

  /** Creates wait until the returned function is called. */
  holdCreates() {
    let release;
    const promise = new Promise((resolve) => (release = resolve));
    this.#held = { promise };
    return () => {
      this.#held = null;
      release();
    };
  }

  reset() {
    this.requests = [];
    this.respond = null;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

export function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
