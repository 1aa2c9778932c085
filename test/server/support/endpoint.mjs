// One endpoint per test: the shipped handler pointed at the stub Tavus API, on a manual clock,
// its log lines and every response collected for the key-leak scan.
import { ManualClock } from './manual-clock.mjs';
import { API_KEY, END_SECRET } from './secrets.mjs';
import { createConversationHandler } from './server-module.mjs';
import { ORIGIN, startTarget } from './targets.mjs';

export const CONVERSATION = {
  replicaId: 'r-server',
  personaId: 'p-server',
  customGreeting: 'Hello from the server',
  conversationalContext: 'Context from the server',
};

/**
 * @param {string} kind one of TARGETS
 * @param {import('./stub-tavus.mjs').StubTavus} tavus
 * @param {{ logs: string[], seen: string[] }} sink where log lines and responses go
 * @param {object} [overrides] handler options
 */
export async function startEndpoint(kind, tavus, sink, overrides = {}) {
  const clock = overrides.clock ?? new ManualClock();
  const handler = createConversationHandler({
    apiKey: API_KEY,
    endTokenSecret: END_SECRET,
    allowedOrigins: [ORIGIN],
    apiUrl: tavus.url,
    conversation: CONVERSATION,
    clock,
    log: (line) => sink.logs.push(line),
    ...overrides,
  });
  const target = await startTarget(kind, handler, sink.seen);
  return { ...target, clock, handler };
}
