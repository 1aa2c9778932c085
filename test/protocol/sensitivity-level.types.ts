/**
 * A type test (`tsc -p tsconfig.json --noEmit` checks it, nothing runs it): the package exports
 * one `SensitivityLevel`, the protocol's, from its root, its protocol entry and the element.
 */
import type { SensitivityLevel as ElementLevel } from '../../src/components/conversation/conversation.js';
import type { SensitivityLevel as RootLevel, TavusConversation } from '../../src/index.js';
import type { SensitivityLevel as ProtocolLevel } from '../../src/protocol/index.js';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type OneType = [
  Expect<Equal<RootLevel, ProtocolLevel>>,
  Expect<Equal<ElementLevel, ProtocolLevel>>,
  Expect<Equal<Parameters<TavusConversation['setSensitivity']>[0]['pause'], RootLevel | undefined>>,
];

declare const element: TavusConversation;

export async function levels(): Promise<void> {
  // The documented levels, and the ones Tavus' own code lists, pass through.
  await element.setSensitivity({ pause: 'low', interrupt: 'high' });
  await element.setSensitivity({ pause: 'verylow' });
  // @ts-expect-error: a level is a string.
  await element.setSensitivity({ pause: 3 });
}
