// A private X display for MiniBrowser (WebKitGTK has no headless mode). Xvfb picks a free display
// number itself and writes it to the file descriptor given with -displayfd.
import { findXvfb } from '../find-browsers.mjs';
import { startService, waitForService } from './services.mjs';

/** Starts Xvfb; resolves `{ display: ':N', stop() }`. */
export async function startXvfb({ width = 1600, height = 1200 } = {}) {
  const service = startService(
    'Xvfb',
    findXvfb(),
    ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let written = '';
  service.child.stdio[3].on('data', (chunk) => (written += chunk));
  try {
    await service.spawned;
    const number = await waitForService(service, () => /^\d+\n/.exec(written)?.[0].trim(), {
      what: 'report its display',
    });
    return { display: `:${number}`, stop: () => service.stop() };
  } catch (error) {
    await service.stop();
    throw error;
  }
}
