// React 19 sets properties on custom elements and listens to `on<event>` props: the plain tag
// is enough. This line types it in JSX (properties, attributes, ontavus-* listeners).
import type {} from 'tavus-conversation/react';
import type { TavusConversation } from 'tavus-conversation';
import { createSimulatedCallFactory } from 'tavus-conversation/simulator';
import { useRef, useState } from 'react';

// An offline, simulated replica: no Tavus account needed. A real app sets
// conversation-endpoint (its backend) instead of a call factory.
const callFactory = createSimulatedCallFactory({ fast: true, seed: 7 });
const conversationUrl = 'https://tavus.daily.co/example-react';
// Objects passed as properties keep their identity across renders.
const strings = { start: 'Start talking (React)' };

// For the example's browser test, which checks that removing the element ends the call.
Object.assign(window, { tavusExample: { callFactory } });

export function App() {
  const conversation = useRef<TavusConversation>(null);
  const [shown, setShown] = useState(true);
  const [lines, setLines] = useState<string[]>([]);

  function onUtterance(event: HTMLElementEventMap['tavus-utterance']) {
    const { role, speech } = event.detail.properties ?? {};
    setLines((previous) => [...previous, `${role}: ${speech}`]);
  }

  return (
    <main>
      <h1>tavus-conversation in React</h1>
      {shown && (
        <tavus-conversation
          ref={conversation}
          conversation-url={conversationUrl}
          strings={strings}
          callFactory={callFactory}
          ontavus-utterance={onUtterance}
        />
      )}
      <p>
        <button
          id="say-hello"
          type="button"
          onClick={() => void conversation.current?.respond('Hello from React')}
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
