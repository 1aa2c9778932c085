// The shipped server module, as built (npm test builds first; run `npm run build` otherwise).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUILT = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'),
  'dist/lib/server/index.js',
);
if (!existsSync(BUILT)) {
  throw new Error('The server tests run against dist/lib/server: run `npm run build` first.');
}

export const {
  createConversationHandler,
  toNodeHandler,
  toExpressMiddleware,
  MemoryStore,
  RedisStore,
  DEFAULT_LIMITS,
} = await import(pathToFileURL(BUILT).href);
