import { LitElement } from 'lit';

import { ConversationSession } from '../../src/controllers/conversation-session.js';
import { ManualClock } from '../../src/protocol/manual-clock.js';
import type { SessionConfig } from '../../src/session/session-config.js';
import { createFakeFactory, type FakeCall, type JoinBehaviour } from './fake-call.js';
import { CONVERSATION_URL } from './element.js';

/** The smallest host a session needs: an element in the document that renders nothing. */
export class SessionHost extends LitElement {
  config: SessionConfig = {
    conversationUrl: CONVERSATION_URL,
    conversationId: '',
    conversationEndpoint: '',
    cameraOff: false,
    microphoneOff: false,
    callFactory: undefined,
    tools: {},
    userName: '',
    maxDuration: 0,
    deviceCheck: false,
  };
  readonly clock = new ManualClock();
  readonly session = new ConversationSession(
    this,
    () => this.config,
    () => ({ clock: this.clock }),
  );
}
customElements.define('test-session-host', SessionHost);

/** A session in a host element, on fake calls scripted by `behaviours`; not started. */
export function sessionHost(
  config: Partial<SessionConfig> = {},
  behaviours: JoinBehaviour[] = [],
): { host: SessionHost; session: ConversationSession; calls: FakeCall[]; clock: ManualClock } {
  const { factory, calls } = createFakeFactory(behaviours);
  const host = document.createElement('test-session-host') as SessionHost;
  host.config = { ...host.config, callFactory: factory, ...config };
  document.body.append(host);
  return { host, session: host.session, calls, clock: host.clock };
}
