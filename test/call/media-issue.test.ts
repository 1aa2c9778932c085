import { expect } from '@open-wc/testing';

import { availabilityFromCameraError } from '../../src/call/media-issue.js';

describe('availabilityFromCameraError', () => {
  it("maps daily-js' camera-error onto an issue and the devices still usable", () => {
    const cases: [string, Parameters<typeof availabilityFromCameraError>[0], unknown][] = [
      [
        'both denied',
        { error: { type: 'permissions', blockedBy: 'both' } },
        { issue: 'permission-denied', cameraAvailable: false, microphoneAvailable: false },
      ],
      [
        'the camera denied',
        { errorMsg: { audioOk: true, videoOk: false }, error: { type: 'permissions' } },
        { issue: 'camera-denied', cameraAvailable: false, microphoneAvailable: true },
      ],
      [
        'the microphone denied',
        { error: { type: 'permissions', blockedBy: 'audio' } },
        { issue: 'microphone-denied', cameraAvailable: true, microphoneAvailable: false },
      ],
      [
        'the camera in use',
        { errorMsg: { audioOk: true }, error: { type: 'cam-in-use' } },
        { issue: 'device-in-use', cameraAvailable: false, microphoneAvailable: true },
      ],
      [
        'the microphone in use',
        { errorMsg: { videoOk: true }, error: { type: 'mic-in-use' } },
        { issue: 'device-in-use', cameraAvailable: true, microphoneAvailable: false },
      ],
      [
        'both in use',
        { error: { type: 'cam-mic-in-use' } },
        { issue: 'device-in-use', cameraAvailable: false, microphoneAvailable: false },
      ],
      [
        'no devices',
        { error: { type: 'not-found' } },
        { issue: 'device-missing', cameraAvailable: false, microphoneAvailable: false },
      ],
      [
        'nothing said',
        {},
        { issue: 'device-error', cameraAvailable: false, microphoneAvailable: false },
      ],
    ];
    for (const [what, event, expected] of cases) {
      expect(availabilityFromCameraError(event), what).to.deep.equal(expected);
    }
  });
});
