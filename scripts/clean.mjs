// Removes the previous build so that stale chunks never ship next to new ones.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
