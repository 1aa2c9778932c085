// React 18 sets no properties on custom elements and does not listen to their events: the
// component from tavus-conversation/react (made with @lit/react) does both, and registers the
// element. It works in React 19 too.
import type { TavusConversation as TavusConversationElement } from 'tavus-conversation';
import { TavusConversation } from 'tavus-conversation/react';
import { createSimulatedCallFactory } from 'tavus-conversation/simulator';
import { useRef, useState } from 'react';

// An offline, simulated replica: no Tavus account needed. A real app sets
// conversationEndpoint (its backend) instead of a call factory.
const callFactory = createSimulatedCallFactory({ fast: true, seed: 7 });
const conversationUrl = 'https://tavus.daily.co/example-react18';
// Objects passed as properties keep their identity across renders.
const strings = { start: 'Start talking (React 18)' };

// For the example's browser test, which checks that removing the element ends the call.
Object.assign(window, { tavusExample: { callFactory } });

export function App() {
  const conversation = useRef<TavusConversationElement>(null);
  const [shown, setShown] = useState(true);
  const [lines, setLines] = useState<string[]>([]);

  function onUtterance(event: HTMLElementEventMap['tavus-utterance']) {
    const { role, speech } = event.detail.properties ?? {};
    setLines((previous) => [...previous, `${role}: ${speech}`]);
  }

  return (
    <main>
      <h1>tavus-conversation in React 18</h1>
      {shown && (
        <TavusConversation
          ref={conversation}
          conversationUrl={conversationUrl}
          strings={strings}
          callFactory={callFactory}
          onTavusUtterance={onUtterance}
        />
      )}
      <p>
        <button
          id="say-hello"
          type="button"
          onClick={() => void conversation.current?.respond('Hello from React 18')}
        >
          Say hello
        </button>
        <button id="unmount" type="button" onClick={() => setShown(false)}>
          Remove the conversation
        </button>
      </p>
      <ol id="utterances">
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </main>
  );
}
