import {
  buildAppendContext,
  buildEchoAudio,
  buildEchoText,
  buildInteraction,
  buildInterrupt,
  buildOverwriteContext,
  buildRespond,
  buildSensitivity,
  buildToolResult,
} from '../protocol/interactions.js';
import type { Interaction, SensitivityLevel } from '../protocol/types.js';

/** Builds interactions for the conversation (given its id) and sends them in order. */
export type SendInteractions = (
  build: (conversationId: string) => readonly Interaction[],
) => Promise<void>;

/**
 * Every interaction the element offers as a method, built by the protocol core and sent through
 * the attempt. Each resolves once sent and rejects with the reason it could not be.
 */
export class Interactions {
  constructor(
    private readonly send: SendInteractions,
    /** Typed text was sent: the transcript shows it at once. */
    private readonly typed: (text: string) => void,
  ) {}

  async respond(text: string): Promise<void> {
    await this.send((id) => [buildRespond(id, text)]);
    this.typed(text);
  }

  echo(text: string): Promise<void> {
    return this.send((id) => [buildEchoText(id, text, { done: true })]);
  }

  echoAudio(
    pcm: Int16Array | ArrayBuffer | Float32Array,
    options: { sampleRate: number; inferenceId?: string },
  ): Promise<void> {
    return this.send((id) => buildEchoAudio(id, pcm, options));
  }

  interrupt(): Promise<void> {
    return this.send((id) => [buildInterrupt(id)]);
  }

  overwriteContext(context: string): Promise<void> {
    return this.send((id) => [buildOverwriteContext(id, context)]);
  }

  appendContext(context: string): Promise<void> {
    return this.send((id) => [buildAppendContext(id, context)]);
  }

  setSensitivity(sensitivity: {
    pause?: SensitivityLevel;
    interrupt?: SensitivityLevel;
  }): Promise<void> {
    return this.send((id) => buildSensitivity(id, sensitivity));
  }

  sendToolResult(toolCallId: string, output: unknown, status: 'success' | 'error'): Promise<void> {
    return this.send((id) => [buildToolResult(id, toolCallId, output, status)]);
  }

  sendRaw(interaction: {
    event_type: string;
    properties?: Record<string, unknown>;
  }): Promise<void> {
    return this.send((id) => [buildInteraction(id, interaction)]);
  }
}
