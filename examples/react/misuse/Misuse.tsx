// Wrong on purpose: `npm run test:examples` expects tsc to report each of these.
import type {} from 'tavus-conversation/react';

export function Misuse() {
  return (
    <>
      <tavus-conversation strings={42} />
      <tavus-conversation ontavus-utterance={(value: number) => console.log(value)} />
      <tavus-conversation variant="sideways" />
    </>
  );
}
