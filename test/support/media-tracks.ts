/** Live media tracks made in the page, so tests need neither a camera nor a microphone. */

/** A live video track from a canvas. */
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

/** A live (silent) audio track. */
export function silentAudioTrack(): MediaStreamTrack {
  audioContext ??= new AudioContext();
  const [track] = audioContext.createMediaStreamDestination().stream.getAudioTracks();
  if (!track) {
    throw new Error('createMediaStreamDestination gave no audio track');
  }
  return track;
}
