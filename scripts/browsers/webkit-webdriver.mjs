// WebKitWebDriver on a free loopback port, on its own X display. It starts MiniBrowser (in its
// process group) for each WebDriver session, passing its environment on.
import { createServer } from 'node:net';
import { findWebKitWebDriver } from '../find-browsers.mjs';
import { startService, waitForService } from './services.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function answersStatus(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/status`);
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts the driver; resolves `{ port, stop() }`. `env` is added to the driver's environment. */
export async function startWebKitWebDriver({ env = {} } = {}) {
  const port = await freePort();
  const service = startService('WebKitWebDriver', findWebKitWebDriver(), [`--port=${port}`], {
    env: { ...process.env, ...env },
  });
  try {
    await service.spawned;
    await waitForService(service, () => answersStatus(port), { what: 'answer on its port' });
  } catch (error) {
    await service.stop();
    throw error;
  }
  return { port, stop: () => service.stop() };
}
