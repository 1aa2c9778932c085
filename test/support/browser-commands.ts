/**
 * `sendKeys` and `setViewport` that work in all three engines of the suite, WebKitGTK (driven
 * through WebDriver) included, where @web/test-runner-commands has no setViewport and no key
 * down/up. Served by scripts/browsers/commands.mjs.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type SendKeysPayload =
  { type: string } | { press: string } | { down: string } | { up: string };

/** Types text, presses a key, or holds a key down or lets it go (`{ down: 'Shift' }`). */
export async function sendKeys(payload: SendKeysPayload): Promise<void> {
  await executeServerCommand('tavus-send-keys', payload);
}

/**
 * Sizes the page's viewport. MiniBrowser's window cannot be narrower than about 447 px: the
 * viewport reached is returned, and a test about a phone-sized element sizes the element instead.
 */
export async function setViewport(size: {
  width: number;
  height: number;
}): Promise<{ width: number; height: number }> {
  return executeServerCommand('tavus-set-viewport', size);
}
