/**
 * A stand-in for `<tavus-conversation>` that renders the conversation view from a model built in
 * the test, with the same styles. By default its handlers act like the element's (they update the
 * model) and record every call in `calls`, so keyboard and focus behaviour can be tested without
 * a call.
 */
import { fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TranscriptMessage } from '../../src/protocol/transcript.js';
import '../../src/components/conversation/conversation-parts.js';
import { renderConversationView } from '../../src/components/conversation/conversation-view.js';
import { conversationStyles } from '../../src/components/conversation/conversation.styles.js';
import type {
  ConversationViewHandlers,
  ConversationViewModel,
} from '../../src/components/conversation/view-model.js';
import { EN_STRINGS } from '../../src/translations/en.js';
import { nextFrames, settle } from './wait.js';

export type HandlerCall = [name: keyof ConversationViewHandlers, ...args: unknown[]];

export function makeModel(overrides: Partial<ConversationViewModel> = {}): ConversationViewModel {
  return {
    state: 'idle',
    variant: 'inline',
    open: false,
    chatOpen: false,
    messages: [],
    replicaName: '',
    replicaVideo: null,
    replicaAudio: null,
    selfVideo: null,
    selfAudio: null,
    replicaSpeaking: false,
    userSpeaking: false,
    thinking: false,
    networkQuality: null,
    secondsLeft: null,
    devices: {},
    captionsOn: false,
    caption: '',
    microphoneOn: true,
    cameraOn: true,
    microphoneAvailable: true,
    cameraAvailable: true,
    mediaIssue: null,
    error: null,
    endedReason: null,
    strings: EN_STRINGS,
    poster: '',
    launcherLabel: '',
    composerMaxLength: 2000,
    ...overrides,
  };
}

let nextId = 0;

export function message(
  role: 'user' | 'replica',
  text: string,
  extra: Partial<TranscriptMessage> = {},
): TranscriptMessage {
  nextId += 1;
  return {
    id: `m${nextId}`,
    role,
    text,
    final: true,
    interrupted: false,
    timestamp: 1_700_000_000_000 + nextId * 1000,
    ...extra,
  };
}

/** `count` alternating messages. */
export function conversation(count: number, prefix = 'Message'): TranscriptMessage[] {
  return Array.from({ length: count }, (_, index) =>
    message(index % 2 ? 'replica' : 'user', `${prefix} ${index + 1}`),
  );
}

@customElement('test-view-host')
export class TestViewHost extends LitElement {
  static override styles = conversationStyles;

  @property({ attribute: false }) accessor model: ConversationViewModel = makeModel();

  @property({ reflect: true }) accessor theme: 'light' | 'dark' | 'auto' = 'auto';

  /** Every handler call, in order (warm-ups are counted apart: hover and focus make many). */
  readonly calls: HandlerCall[] = [];
  warmUps = 0;

  @property({ attribute: false }) accessor handlers: ConversationViewHandlers = {
    start: () => this.record('start'),
    warmUp: () => this.warmUps++,
    retry: () => this.record('retry'),
    end: () => this.record('end'),
    toggleMicrophone: () => {
      this.record('toggleMicrophone');
      this.patch({ microphoneOn: !this.model.microphoneOn });
    },
    toggleCamera: () => {
      this.record('toggleCamera');
      this.patch({ cameraOn: !this.model.cameraOn });
    },
    retryDevices: () => this.record('retryDevices'),
    toggleCaptions: () => {
      this.record('toggleCaptions');
      this.patch({ captionsOn: !this.model.captionsOn });
    },
    setChatOpen: (open) => {
      this.record('setChatOpen', open);
      this.patch({ chatOpen: open });
    },
    setOpen: (open) => {
      this.record('setOpen', open);
      this.patch({ open });
    },
    send: (text) => {
      this.record('send', text);
      this.patch({ messages: [...this.model.messages, message('user', text, { typed: true })] });
    },
    join: () => {
      this.record('join');
      this.patch({ state: 'connecting' });
    },
    setDevices: (devices) => {
      this.record('setDevices', devices);
      this.patch({ devices: { ...this.model.devices, ...devices } });
    },
  };

  /** Changes some fields of the model, as the element would after an intent. */
  patch(changes: Partial<ConversationViewModel>): void {
    this.model = { ...this.model, ...changes };
  }

  protected override willUpdate(): void {
    this.setAttribute('variant', this.model.variant);
    this.setAttribute('state', this.model.state);
  }

  private record(name: keyof ConversationViewHandlers, ...args: unknown[]): void {
    this.calls.push([name, ...args]);
  }

  override render() {
    return renderConversationView(this.model, this.handlers);
  }
}

export interface TestViewOptions {
  /** The host's inline style (its size). */
  style?: string;
  /** The direction of the page around it. */
  dir?: 'ltr' | 'rtl';
  theme?: 'light' | 'dark' | 'auto';
}

/** Renders a view host for `model` and waits until it is laid out and its entry animations end. */
export async function renderTestView(
  model: Partial<ConversationViewModel> = {},
  { style = '', dir = 'ltr', theme = 'auto' }: TestViewOptions = {},
): Promise<TestViewHost> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div dir=${dir}>
      <test-view-host style=${style} theme=${theme} .model=${makeModel(model)}></test-view-host>
    </div>`,
  );
  const host = wrapper.querySelector('test-view-host')!;
  await host.updateComplete;
  await nextFrames();
  await settle();
  return host;
}

declare global {
  interface HTMLElementTagNameMap {
    'test-view-host': TestViewHost;
  }
}
