// A private PulseAudio server with one null sink, for Firefox: with no sound device its
// AudioContext never leaves 'suspended' (resume() never settles). The server lives in a fresh
// temporary directory (socket, state, runtime files), so it touches no user configuration and
// no other PulseAudio on the machine; the caller stops it when the browser is gone.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPulseAudio } from '../find-browsers.mjs';
import { atExit, startService, waitForService } from './services.mjs';

/** Starts the server; resolves `{ env, stop() }`, `env` being what a client needs to use it. */
export async function startPulseNullSink() {
  const dir = mkdtempSync(join(tmpdir(), 'tavus-pulse-'));
  const socket = join(dir, 'native');
  const service = startService(
    'PulseAudio',
    findPulseAudio(),
    [
      '-n', // no default.pa: only the modules below
      '--daemonize=no',
      '--exit-idle-time=-1',
      '--use-pid-file=no',
      '--disallow-exit',
      '--log-target=stderr',
      '-L',
      'module-null-sink sink_name=tavus_null',
      '-L',
      `module-native-protocol-unix auth-anonymous=1 socket=${socket}`,
    ],
    {
      env: {
        ...process.env,
        HOME: dir,
        XDG_RUNTIME_DIR: dir,
        XDG_CONFIG_HOME: dir,
        PULSE_RUNTIME_PATH: dir,
        PULSE_STATE_PATH: dir,
      },
    },
  );
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const exit = atExit(removeDir);
  const stop = async () => {
    await service.stop();
    removeDir();
    exit.cancel();
  };
  try {
    await service.spawned;
    await waitForService(service, () => existsSync(socket), { what: 'open its socket' });
  } catch (error) {
    await stop();
    throw error;
  }
  return { env: { PULSE_SERVER: `unix:${socket}` }, stop };
}
