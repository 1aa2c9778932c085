/**
 * Every string `<tavus-conversation>` shows or announces, in English. The element's `strings`
 * property takes a partial object of the same keys to translate or reword any of them.
 *
 * Placeholders in braces (`{name}`, `{count}`, `{max}`) are filled in with `formatString()`.
 * Keys ending in `Named` are used when the replica's name is known, the plain key otherwise, so
 * that translations never have to build a sentence around a missing name. A plain key overridden
 * without its `Named` key is used as it is, rather than the English `Named` default.
 *
 * Several conversations on one page: give each distinct `panelLabel` and `panelLabelNamed` (and
 * `chatTitleNamed`), so that their landmarks have distinct names.
 */
export const EN_STRINGS = {
  // The panel and the floating launcher. The panel is a landmark (region or dialog): a page with
  // several conversations gives each its own `panelLabel`, `panelLabelNamed` and `chatTitleNamed`
  // through `strings`, since their replicas may share a name.
  panelLabel: 'Video conversation',
  panelLabelNamed: 'Video conversation with {name}',
  openPanel: 'Open video conversation',
  closePanel: 'Close video conversation',

  // Idle screen
  startTitle: 'Talk face to face',
  startTitleNamed: 'Talk with {name}',
  startHint: 'Uses your camera and microphone. You can also chat by typing.',
  start: 'Start conversation',

  // Status lines (announced politely)
  statusConnecting: 'Connecting…',
  statusWaiting: 'Waiting for the agent to join…',
  statusWaitingNamed: 'Waiting for {name} to join…',
  statusConnected: 'Connected',
  statusConnectedNamed: 'Connected with {name}',
  statusReconnecting: 'Connection lost. Reconnecting…',

  // Ended screen, one line per EndedReason
  endedTitle: 'Conversation ended',
  endedUserEnded: 'You ended the conversation.',
  endedReplicaLeft: 'The agent left the conversation.',
  endedReplicaLeftNamed: '{name} left the conversation.',
  endedShutdown: 'The conversation was closed by the service.',
  endedLeft: 'You left the conversation.',
  endedTimeLimit: 'The conversation reached its time limit.',
  endedIdle: 'The conversation ended because nobody was in it for a while.',
  restart: 'Start again',
  viewTranscript: 'View transcript',

  // Error screen, one line per TavusErrorCode (an empty string falls back to the error message)
  errorTitle: 'Something went wrong',
  errorMissingConfiguration:
    'This conversation is not set up yet: it needs a conversation URL or a conversation endpoint.',
  errorInvalidUrl: 'The conversation link is not valid.',
  errorEndpointFailed: 'The server could not start a conversation. Please try again.',
  errorEndpointTimeout: 'The server took too long to answer. Please try again.',
  errorCallUnavailable:
    'The video service could not be loaded. Check your connection and try again.',
  errorJoinFailed:
    'Could not join the conversation. It may have ended, or the link may have expired.',
  errorCallFailed: 'The call stopped because of an error.',
  retry: 'Try again',
  // Under the error's line: its code, to quote to the site's support (the technical message goes
  // to the tavus-error event and the console, never to the screen).
  errorReference: 'Error code: {code}',

  // The device check's Join and Leave (its other strings load with it: en-device-check.ts)
  join: 'Join now',
  leaveCheck: 'Leave',

  // Notices, one per MediaIssue
  mediaPermissionDenied: 'Camera and microphone are blocked — you can still chat by typing.',
  mediaCameraDenied: 'Camera is blocked — the agent can still hear you.',
  mediaMicrophoneDenied: 'Microphone is blocked — you can still chat by typing.',
  mediaDeviceInUse:
    'Your camera or microphone is in use by another app — you can still chat by typing.',
  mediaDeviceMissing: 'No camera or microphone was found — you can still chat by typing.',
  mediaDeviceError:
    'Your camera or microphone could not be started — you can still chat by typing.',
  retryDevices: 'Try again',
  microphoneUnavailable: 'Microphone unavailable',
  cameraUnavailable: 'Camera unavailable',

  // Call controls: stable labels (with aria-pressed) and the action each press performs
  controlsLabel: 'Call controls',
  microphone: 'Microphone',
  camera: 'Camera',
  captions: 'Captions',
  chat: 'Chat',
  muteMicrophone: 'Mute microphone',
  unmuteMicrophone: 'Unmute microphone',
  cameraOff: 'Turn camera off',
  cameraOn: 'Turn camera on',
  captionsOff: 'Hide captions',
  captionsOn: 'Show captions',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  end: 'End conversation',
  // The settings menu on the controls, and the device check's pickers (headings: camera,
  // microphone, speaker)
  settings: 'Settings',
  speaker: 'Speaker',
  // A device whose name the browser does not tell yet (before permission)
  deviceUnnamed: 'Device {number}',
  deviceNoneFound: 'None found',

  // Over the video in a call, each announced politely when it starts
  thinking: 'The agent is thinking…',
  thinkingNamed: '{name} is thinking…',
  networkLow: 'Weak connection',
  networkVeryLow: 'Very weak connection',
  // The countdown in the last minute of a maximum duration (a timer, named by timeLeft)
  timeLeft: 'Time left',
  timeLeftNotice: 'Less than a minute left.',

  // Video stage
  replicaVideo: 'Video of the agent',
  replicaVideoNamed: 'Video of {name}',
  selfView: 'Your camera',
  enableSound: 'Tap to enable sound',

  // Chat drawer
  chatTitle: 'Chat',
  chatTitleNamed: 'Chat with {name}',
  transcriptLabel: 'Conversation transcript',
  transcriptEmpty: 'Say hello, or type a message. The conversation will appear here.',
  showEarlier: 'Show earlier messages',
  jumpToLatest: 'Jump to latest',
  you: 'You',
  replica: 'Agent',
  interrupted: 'Interrupted',
  composerLabel: 'Message',
  composerPlaceholder: 'Type a message…',
  composerDisabled: 'You can type once the conversation has started.',
  // Why the composer is disabled, by state (composerDisabled is the fallback)
  composerDisabledIdle: 'Start the conversation to send a message.',
  composerDisabledJoining: 'You can type once the agent has joined.',
  composerDisabledJoiningNamed: 'You can type once {name} has joined.',
  composerDisabledReconnecting: 'You can type again once the connection is back.',
  composerDisabledEnded: 'The conversation has ended. Start again to send a message.',
  composerDisabledError: 'The conversation stopped. Try again to send a message.',
  // The empty transcript while nothing can be sent (transcriptEmpty invites typing)
  transcriptEmptyInactive: 'The conversation will appear here.',
  characterCount: '{count}/{max}',
  send: 'Send',
};

/**
 * The shape of `EN_STRINGS`: every key, each a string. `strings` overrides are a partial of it
 * and of `DeviceCheckStrings`, the device check's, which load with the check (`en-device-check.ts`).
 */
export type TavusStrings = { [K in keyof typeof EN_STRINGS]: string };
