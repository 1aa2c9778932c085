/**
 * Ends the simulator's tracks a page may still be playing, in a way WebKitGTK survives.
 *
 * In WebKitGTK (GStreamer), stopping a track that a media element or an audio context still
 * consumes holds the page's main thread for about 50 ms, and a `<video>`'s sink thread waits for
 * the main thread to paint each frame. Once a task has held the main thread for a few frames, the
 * video's queue is full, and stopping a video track that a `<video>` plays in that task
 * deadlocks the whole page: the main thread waits for a lock of the video's pipeline that its
 * streaming thread holds, while that thread waits for the main thread to paint. (A camera in a
 * `<video>`, a 300 ms busy loop and `track.stop()` are enough.) Ending everything in one task,
 * the replica's face and voice as it leaves, then the microphone and camera as the call is left,
 * froze the page for good: no script or timer ran again.
 *
 * So the simulator says a track stopped (its events) in the task that takes it away, and ends
 * the track on a later task: by then a page that listens (the element does) has let go of it,
 * and stopping it costs nothing. For a page that still plays it, each track ends in a task of its
 * own, video first, so no video track ends in a task the engine has already held. What goes with
 * the tracks (closing an audio context) runs after all of them.
 */

/** Ended first: the deadlock needs a video track; audio tracks only hold the thread. */
const ORDER = { video: 0, audio: 1, after: 2 } as const;

interface Job {
  rank: number;
  run: () => void;
}

const jobs: Job[] = [];
let draining = false;
let settled: (() => void)[] = [];

/** Ends `track` on a later task (see above). Safe to call for a track already ended. */
export function endTrackSoon(track: MediaStreamTrack): void {
  enqueue(track.kind === 'video' ? ORDER.video : ORDER.audio, () => track.stop());
}

/** Runs `release` once every track handed to `endTrackSoon` so far has ended. */
export function afterTracksEnd(release: () => void): void {
  enqueue(ORDER.after, release);
}

/**
 * Resolves once everything handed over so far has ended (daily-js' `leave()` resolves with the
 * local tracks stopped).
 */
export function tracksEnded(): Promise<void> {
  if (!draining) return Promise.resolve();
  return new Promise((resolve) => settled.push(resolve));
}

function enqueue(rank: number, run: () => void): void {
  // After the jobs of the same rank already waiting, before those of a later rank.
  const at = jobs.findIndex((job) => job.rank > rank);
  jobs.splice(at === -1 ? jobs.length : at, 0, { rank, run });
  if (!draining) {
    draining = true;
    nextTask(runOne);
  }
}

function runOne(): void {
  const job = jobs.shift();
  try {
    job?.run();
  } finally {
    if (jobs.length > 0) {
      nextTask(runOne);
    } else {
      draining = false;
      const waiting = settled;
      settled = [];
      for (const resolve of waiting) resolve();
    }
  }
}

/**
 * A task of the browser's own, after the current one and its microtasks (where a page detaches
 * what it was told stopped). Not a timer: a page's fake clock cannot hold the release back.
 */
function nextTask(run: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
}
