import { expect } from '@open-wc/testing';

import {
  EVENT_TYPES,
  KNOWN_DOM_EVENT_NAMES,
  MAX_DOM_EVENT_NAME_LENGTH,
  domEventName,
  isEventType,
  type TavusEvent,
} from '../../src/protocol/index.js';
import { createRandom } from '../support/random.js';

const SAFE_NAME = /^tavus-[a-z0-9]+(-[a-z0-9]+)*$/;

describe('domEventName', () => {
  it('follows the naming rule of the public contract', () => {
    expect(domEventName('conversation.utterance')).to.equal('tavus-utterance');
    expect(domEventName('conversation.utterance.streaming')).to.equal('tavus-utterance-streaming');
    expect(domEventName('conversation.tool_call')).to.equal('tavus-tool-call');
    expect(domEventName('conversation.replica.started_speaking')).to.equal(
      'tavus-replica-started-speaking',
    );
    expect(domEventName('system.replica_joined')).to.equal('tavus-replica-joined');
  });

  it('names event types that do not exist yet by the same rule', () => {
    expect(domEventName('conversation.brand_new.thing')).to.equal('tavus-brand-new-thing');
    expect(domEventName('system.pal_joined')).to.equal('tavus-pal-joined');
    expect(domEventName('application.recording_ready')).to.equal(
      'tavus-application-recording-ready',
    );
  });

  it('maps drifted spellings onto the documented name', () => {
    expect(domEventName('conversation.perception-analysis')).to.equal(
      domEventName('conversation.perception_analysis'),
    );
    expect(domEventName('conversation.replica.interrupted')).to.equal(
      domEventName('conversation.replica_interrupted'),
    );
  });

  it('lower-cases and neutralises characters outside [a-z0-9-]', () => {
    expect(domEventName('Conversation.Tool_Call')).to.equal('tavus-tool-call');
    expect(domEventName('conversation.<img src=x onerror=alert(1)>')).to.equal(
      'tavus-img-src-x-onerror-alert-1',
    );
    expect(domEventName('conversation.a  b__c..d')).to.equal('tavus-a-b-c-d');
    expect(domEventName('conversation.café☕')).to.equal('tavus-caf');
    expect(domEventName('conversation.-edge-')).to.equal('tavus-edge');
  });

  it('gives tavus-unknown when nothing usable is left', () => {
    expect(domEventName('')).to.equal('tavus-unknown');
    expect(domEventName('conversation.')).to.equal('tavus-unknown');
    expect(domEventName('☕☕')).to.equal('tavus-unknown');
  });

  it('never collides with the element’s own events', () => {
    expect(domEventName('conversation.event')).to.equal('tavus-event-event');
    expect(domEventName('conversation.error')).to.equal('tavus-error-event');
    expect(domEventName('system.state_change')).to.equal('tavus-state-change-event');
    expect(domEventName('conversation.send')).to.equal('tavus-send-event');
  });

  it('cuts absurdly long names', () => {
    const name = domEventName(`conversation.${'a'.repeat(1_000_000)}`);
    expect(name.length).to.equal(MAX_DOM_EVENT_NAME_LENGTH);
    expect(name).to.match(SAFE_NAME);
    // Only the first characters are looked at: a name hidden after them is not found.
    expect(domEventName(`${'-'.repeat(300)}x`)).to.equal('tavus-unknown');
  });

  it('always yields a safe name for random input', () => {
    const random = createRandom(99);
    for (let i = 0; i < 2000; i++) {
      const length = random.int(0, 40);
      let text = random.pick(['', 'conversation.', 'system.', 'CONVERSATION.']);
      for (let j = 0; j < length; j++) text += String.fromCharCode(random.int(0, 0x2fff));
      const name = domEventName(text);
      expect(name, JSON.stringify(text)).to.match(SAFE_NAME);
      expect(name.length).to.be.at.most(MAX_DOM_EVENT_NAME_LENGTH);
    }
  });
});

describe('event type constants', () => {
  it('KNOWN_DOM_EVENT_NAMES agrees with the rule for every known event type', () => {
    for (const [eventType, name] of Object.entries(KNOWN_DOM_EVENT_NAMES)) {
      expect(domEventName(eventType)).to.equal(name);
      // Upper case misses the lookup table, so this computes the name from the rule itself.
      expect(domEventName(eventType.toUpperCase())).to.equal(name);
    }
  });

  it('KNOWN_DOM_EVENT_NAMES names every event type of EVENT_TYPES, each differently', () => {
    expect(Object.keys(KNOWN_DOM_EVENT_NAMES)).to.deep.equal(Object.values(EVENT_TYPES));
    expect(Object.values(EVENT_TYPES)).to.have.lengthOf(21);
    expect(new Set(Object.values(KNOWN_DOM_EVENT_NAMES)).size).to.equal(21);
  });

  it('custom-elements.json documents every known event under the name it is dispatched with', async () => {
    // The manifest's names come from the type-level rule (TavusDomEventMap), the dispatched ones
    // from domEventName: this is where the two are held to each other.
    const response = await fetch('/custom-elements.json');
    const manifest = (await response.json()) as {
      modules: {
        declarations?: { tagName?: string; events?: { name: string; type: { text: string } }[] }[];
      }[];
    };
    const element = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'tavus-conversation');
    const documented = new Map(element?.events?.map((event) => [event.name, event.type.text]));
    for (const [eventType, name] of Object.entries(KNOWN_DOM_EVENT_NAMES)) {
      expect(documented.get(name), eventType).to.match(/^CustomEvent<\w+Event>$/);
    }
    expect(documented.get('tavus-event')).to.equal('CustomEvent<TavusEvent>');
  });

  it('isEventType narrows by event_type', () => {
    const event = {
      message_type: 'conversation',
      event_type: 'conversation.tool_call',
      properties: { name: 'x' },
    } as TavusEvent;
    expect(isEventType(event, 'conversation.tool_call')).to.equal(true);
    expect(isEventType(event, 'conversation.utterance')).to.equal(false);
    if (isEventType(event, 'conversation.tool_call')) {
      expect(event.properties?.name).to.equal('x');
    }
  });
});
