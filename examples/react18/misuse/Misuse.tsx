// Wrong on purpose: `npm run test:examples` expects tsc to report each of these.
import { TavusConversation } from 'tavus-conversation/react';

export function Misuse() {
  return (
    <>
      <TavusConversation strings={42} />
      <TavusConversation onTavusUtterance={(value: number) => console.log(value)} />
      <TavusConversation variant="sideways" />
    </>
  );
}
