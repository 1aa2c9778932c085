/**
 * The device check's strings, in English: they load with the check (only pages with
 * `device-check` need them), not with the entry file every page loads. They are keys of
 * `TavusStrings` like the others, and `strings` overrides them the same way.
 */
export const EN_DEVICE_CHECK_STRINGS = {
  checkTitle: 'Check your camera and microphone',
  checkPreview: 'Your camera preview',
  checkCameraStarting: 'Starting your camera…',
  checkCameraIsOff: 'Your camera is off',
  microphoneLevel: 'Microphone level',
  microphoneLevelOff: 'Microphone off',

  // The camera and microphone are blocked: where each browser keeps the switch
  checkBlockedTitle: 'Camera and microphone are blocked',
  checkHelpChromium:
    'Click the camera icon at the end of the address bar, allow the camera and microphone, then try again.',
  checkHelpFirefox:
    'Click the permissions icon beside the address in the address bar, clear the blocks on the camera and microphone, then try again.',
  checkHelpSafari:
    'Open Settings for This Website (in the Safari menu on a Mac, or from the aA button in the address bar on an iPhone or iPad), allow the camera and microphone, then try again.',
  checkHelpOther:
    'Allow this site to use your camera and microphone in your browser’s site settings, then try again.',
  // The page's frame forbids them (its permissions policy says so)
  checkHelpFrame:
    'This page shows the conversation in a frame that is not allowed to use the camera and microphone. The site can allow them by adding allow="camera; microphone; autoplay" to the frame.',
  // Framed, and the browser does not tell whether the frame allows them
  checkHelpFrameMaybe:
    'If this page shows the conversation in a frame, the site may also need to add allow="camera; microphone; autoplay" to the frame.',
  checkJoinAnyway: 'You can still join and chat by typing.',
};

export type DeviceCheckStrings = { [K in keyof typeof EN_DEVICE_CHECK_STRINGS]: string };
