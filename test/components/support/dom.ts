/** Small DOM helpers shared by the component tests. */

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) {
    active = active.shadowRoot.activeElement;
  }
  return active;
}

/** `querySelector` inside an element's shadow root; throws when missing so tests fail clearly. */
export function shadowQuery<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) {
    throw new Error(`${selector} not found in <${host.localName}>'s shadow root`);
  }
  return found;
}

/** A live video track from a canvas, no camera needed. */
export function canvasVideoTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const context = canvas.getContext('2d');
  if (context) {
    context.fillStyle = '#345';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  const [track] = canvas.captureStream(5).getVideoTracks();
  if (!track) {
    throw new Error('canvas.captureStream gave no video track');
  }
  return track;
}

let audioContext: AudioContext | undefined;

/** A live (silent) audio track, no microphone needed. */
export function silentAudioTrack(): MediaStreamTrack {
  audioContext ??= new AudioContext();
  const [track] = audioContext.createMediaStreamDestination().stream.getAudioTracks();
  if (!track) {
    throw new Error('createMediaStreamDestination gave no audio track');
  }
  return track;
}

/** Resolves after the next two animation frames (layout and scroll settle). */
export function nextFrames(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}

/** Waits for running CSS transitions and finite animations (entry animations) to finish. */
export async function settle(): Promise<void> {
  const roots: (Document | ShadowRoot)[] = [document];
  for (let index = 0; index < roots.length; index += 1) {
    for (const element of roots[index]!.querySelectorAll('*')) {
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
      }
    }
  }
  const running = roots
    .flatMap((root) => root.getAnimations())
    .filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
  await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
}
