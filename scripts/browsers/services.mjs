// Helper processes the browsers need (a private PulseAudio, Xvfb, WebKitWebDriver): each runs in
// its own process group, so stopping it also ends what it started (MiniBrowser and its web
// processes under WebKitWebDriver), and whatever is still running when Node exits is ended too,
// so no run leaves processes behind.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const running = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

const cleanups = new Set();

/** Runs `cleanup` (synchronous) when Node exits, unless `cancel()` is called first. */
export function atExit(cleanup) {
  cleanups.add(cleanup);
  return { cancel: () => cleanups.delete(cleanup) };
}

process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
  for (const cleanup of cleanups) cleanup();
});
// A signal would otherwise end Node without its 'exit' event. SIGINT is left to whoever else
// listens (the test runner stops its run, then exits); SIGTERM and SIGHUP exit at once (the
// browsers' own handlers only close their browser and would leave Node running).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    if (signal !== 'SIGINT' || process.listenerCount(signal) === 1) process.exit(code);
  });
}

/**
 * Starts `command` as a helper service. `stdio` defaults to ignoring output; stderr is kept (last
 * 4 KB) to explain a failed start. Returns `{ child, stderr(), stop() }`.
 */
export function startService(name, command, args, { env = process.env, stdio } = {}) {
  const child = spawn(command, args, {
    env,
    detached: true,
    stdio: stdio ?? ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  const exited = once(child, 'exit').catch(() => undefined);
  const spawned = once(child, 'spawn').then(
    () => true,
    (error) => {
      throw new Error(`${name}: could not start ${command}: ${error.message}`);
    },
  );
  running.add(child);
  child.on('exit', () => running.delete(child));
  // An early exit must not leave an unhandled 'error' event behind.
  child.on('error', () => running.delete(child));
  return {
    name,
    child,
    spawned,
    exited,
    stderr: () => stderr.trim(),
    get alive() {
      return child.exitCode === null && child.signalCode === null && running.has(child);
    },
    /** SIGTERM to the whole group, then SIGKILL if it has not gone within `graceMs`. */
    async stop(graceMs = 3000) {
      if (!running.has(child)) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // The leader may go first; its group may still hold children.
      killGroup(child, 'SIGKILL');
      running.delete(child);
    },
  };
}

/** Polls `ready()` until it is truthy, failing early if the service exits. */
export async function waitForService(service, ready, { timeoutMs = 30000, what = 'start' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ready();
    if (value) return value;
    if (!service.alive) {
      throw new Error(`${service.name} exited before it could ${what}: ${service.stderr()}`);
    }
    if (Date.now() > deadline) {
      await service.stop();
      throw new Error(`${service.name} did not ${what} in ${timeoutMs} ms: ${service.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
