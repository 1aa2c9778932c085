import { expect } from '@open-wc/testing';

import {
  INTERACTION_TYPES,
  MAX_APP_MESSAGE_BYTES,
  base64Encode,
  buildAppendContext,
  buildEchoAudio,
  buildEchoText,
  buildInteraction,
  buildInterrupt,
  buildOverwriteContext,
  buildRespond,
  buildSensitivity,
  buildToolResult,
  createId,
  floatToInt16,
  messageByteLength,
  type EchoInteraction,
} from '../../src/protocol/index.js';
import { createIdWith, formatUuid } from '../../src/protocol/ids.js';
import { createRandom } from '../support/random.js';

const ID = 'c7f3a91b2e';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function concatAudio(messages: EchoInteraction[]): Uint8Array {
  const parts = messages.map((m) => decodeBase64(m.properties.audio!));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function int16Bytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((s, i) => view.setInt16(i * 2, s, true));
  return bytes;
}

describe('interaction builders', () => {
  describe('exact payloads', () => {
    it('buildRespond', () => {
      expect(buildRespond(ID, 'Add two bags of coffee to my cart')).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.respond',
        conversation_id: ID,
        properties: { text: 'Add two bags of coffee to my cart' },
      });
    });

    it('buildEchoText, with and without options', () => {
      expect(buildEchoText(ID, 'I added two bags.')).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.echo',
        conversation_id: ID,
        properties: { modality: 'text', text: 'I added two bags.' },
      });
      expect(buildEchoText(ID, 'Hi', { inferenceId: 'e-1', done: true })).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.echo',
        conversation_id: ID,
        properties: { modality: 'text', text: 'Hi', inference_id: 'e-1', done: true },
      });
    });

    it('buildInterrupt has no properties at all', () => {
      const interaction = buildInterrupt(ID);
      expect(interaction).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.interrupt',
        conversation_id: ID,
      });
      expect('properties' in interaction).to.equal(false);
    });

    it('buildOverwriteContext and buildAppendContext', () => {
      expect(buildOverwriteContext(ID, 'The user is on the pricing page.')).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.overwrite_llm_context',
        conversation_id: ID,
        properties: { context: 'The user is on the pricing page.' },
      });
      expect(buildAppendContext(ID, 'add_to_cart succeeded')).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.append_llm_context',
        conversation_id: ID,
        properties: { context: 'add_to_cart succeeded' },
      });
      expect(buildAppendContext(ID, 'done', { jobStatus: 'completed' }).properties).to.deep.equal({
        context: 'done',
        job_status: 'completed',
      });
    });

    it('buildSensitivity sends exactly one key per message', () => {
      expect(buildSensitivity(ID, { pause: 'low', interrupt: 'high' })).to.deep.equal([
        {
          message_type: 'conversation',
          event_type: 'conversation.sensitivity',
          conversation_id: ID,
          properties: { participant_pause_sensitivity: 'low' },
        },
        {
          message_type: 'conversation',
          event_type: 'conversation.sensitivity',
          conversation_id: ID,
          properties: { participant_interrupt_sensitivity: 'high' },
        },
      ]);
      expect(buildSensitivity(ID, { interrupt: 'medium' })).to.have.length(1);
      // Levels outside the documented three pass through.
      expect(buildSensitivity(ID, { pause: 'verylow' })[0]!.properties).to.deep.equal({
        participant_pause_sensitivity: 'verylow',
      });
    });

    it('buildToolResult: strings as strings, objects as objects, undefined as null', () => {
      expect(buildToolResult(ID, 'tc_4f82', { added: 2, item: 'Coffee beans 250g' })).to.deep.equal(
        {
          message_type: 'conversation',
          event_type: 'conversation.tool_result',
          conversation_id: ID,
          properties: {
            tool_call_id: 'tc_4f82',
            output: { added: 2, item: 'Coffee beans 250g' },
            status: 'success',
          },
        },
      );
      expect(buildToolResult(ID, 'tc', 'plain text', 'error').properties).to.deep.equal({
        tool_call_id: 'tc',
        output: 'plain text',
        status: 'error',
      });
      expect(buildToolResult(ID, 'tc', undefined).properties.output).to.equal(null);
      expect(buildToolResult(ID, 'tc', 42).properties.output).to.equal(42);
    });

    it('buildInteraction fills message_type and conversation_id', () => {
      const properties = { objective_name: 'checkout' };
      const interaction = buildInteraction(ID, {
        event_type: 'conversation.objective.confirm',
        properties,
      });
      expect(interaction).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.objective.confirm',
        conversation_id: ID,
        properties,
      });
      expect(buildInteraction(ID, { event_type: 'conversation.interrupt' })).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.interrupt',
        conversation_id: ID,
      });
    });

    it('builds every interaction type listed in INTERACTION_TYPES', () => {
      const built = new Set(
        [
          buildRespond(ID, 'a'),
          buildEchoText(ID, 'a'),
          buildInterrupt(ID),
          buildOverwriteContext(ID, 'a'),
          buildAppendContext(ID, 'a'),
          ...buildSensitivity(ID, { pause: 'low' }),
          buildToolResult(ID, 't', 'a'),
        ].map((i) => i.event_type),
      );
      expect([...built].sort()).to.deep.equal(Object.values(INTERACTION_TYPES).sort());
    });
  });

  describe('argument checks', () => {
    const cases: Array<[string, () => unknown, string]> = [
      [
        'respond text',
        () => buildRespond(ID, ''),
        'respond(text): text must be a non-empty string',
      ],
      [
        'respond id',
        () => buildRespond('', 'x'),
        'respond(text): conversationId must be a non-empty string',
      ],
      ['echo text', () => buildEchoText(ID, '  '), 'echo(text): text must be a non-empty string'],
      [
        'echo done',
        () => buildEchoText(ID, 'x', { done: 'true' as unknown as boolean }),
        'echo(text): done must be a boolean',
      ],
      [
        'echo inference',
        () => buildEchoText(ID, 'x', { inferenceId: '' }),
        'echo(text): inferenceId must be a non-empty string',
      ],
      [
        'interrupt id',
        () => buildInterrupt(undefined as unknown as string),
        'interrupt(): conversationId must be a non-empty string',
      ],
      [
        'overwrite',
        () => buildOverwriteContext(ID, 5 as unknown as string),
        'overwriteContext(context): context must be a non-empty string',
      ],
      [
        'append',
        () => buildAppendContext(ID, ''),
        'appendContext(context): context must be a non-empty string',
      ],
      [
        'append status',
        () => buildAppendContext(ID, 'x', { jobStatus: '' }),
        'appendContext(context): jobStatus must be a non-empty string',
      ],
      [
        'sensitivity none',
        () => buildSensitivity(ID, {}),
        'setSensitivity(options): give pause, interrupt or both',
      ],
      [
        'sensitivity empty',
        () => buildSensitivity(ID, { pause: '' }),
        'setSensitivity(options): pause must be a non-empty string',
      ],
      [
        'sensitivity missing',
        () => buildSensitivity(ID, undefined as never),
        'setSensitivity(options): give pause, interrupt or both',
      ],
      [
        'tool id',
        () => buildToolResult(ID, '', 'x'),
        'sendToolResult(toolCallId, output): toolCallId must be a non-empty string',
      ],
      [
        'tool status',
        () => buildToolResult(ID, 't', 'x', 'failed' as 'error'),
        "sendToolResult(toolCallId, output): status must be 'success' or 'error'",
      ],
      [
        'tool cycle',
        () => {
          const o: Record<string, unknown> = {};
          o['self'] = o;
          return buildToolResult(ID, 't', o);
        },
        'sendToolResult(toolCallId, output): output must be JSON-serialisable',
      ],
      [
        'tool function',
        () => buildToolResult(ID, 't', () => 1),
        'sendToolResult(toolCallId, output): output must be JSON-serialisable',
      ],
      [
        'tool bigint',
        () => buildToolResult(ID, 't', 10n),
        'sendToolResult(toolCallId, output): output must be JSON-serialisable',
      ],
      [
        'send null',
        () => buildInteraction(ID, null as never),
        'send(interaction): interaction must be an object',
      ],
      [
        'send type',
        () => buildInteraction(ID, { event_type: '' }),
        'send(interaction): event_type must be a non-empty string',
      ],
      [
        'send properties',
        () => buildInteraction(ID, { event_type: 'x', properties: [] as never }),
        'send(interaction): properties must be an object',
      ],
      [
        'audio rate',
        () => buildEchoAudio(ID, new Int16Array(4), { sampleRate: 0 }),
        'echoAudio(pcm): sampleRate must be a positive integer',
      ],
      [
        'audio rate fraction',
        () => buildEchoAudio(ID, new Int16Array(4), { sampleRate: 16000.5 }),
        'echoAudio(pcm): sampleRate must be a positive integer',
      ],
      [
        'audio options',
        () => buildEchoAudio(ID, new Int16Array(4), undefined as never),
        'echoAudio(pcm): options with a sampleRate are required',
      ],
      [
        'audio type',
        () => buildEchoAudio(ID, new Uint8Array(4) as never, { sampleRate: 16000 }),
        'echoAudio(pcm): pcm must be an Int16Array, a Float32Array or an ArrayBuffer',
      ],
      [
        'audio odd buffer',
        () => buildEchoAudio(ID, new ArrayBuffer(3), { sampleRate: 16000 }),
        'echoAudio(pcm): an ArrayBuffer of 16-bit PCM must have an even length',
      ],
      [
        'audio tiny limit',
        () => buildEchoAudio(ID, new Int16Array(4), { sampleRate: 16000, maxMessageBytes: 100 }),
        'echoAudio(pcm): maxMessageBytes 100 leaves no room for audio',
      ],
      [
        'audio done',
        () => buildEchoAudio(ID, new Int16Array(4), { sampleRate: 16000, done: 1 as never }),
        'echoAudio(pcm): done must be a boolean',
      ],
    ];
    for (const [name, run, message] of cases) {
      it(`throws a TypeError with a clear message: ${name}`, () => {
        expect(run).to.throw(TypeError, message);
      });
    }
  });

  describe('buildEchoAudio', () => {
    const random = createRandom(2024);
    const randomSamples = (count: number) =>
      Int16Array.from({ length: count }, () => random.int(-32768, 32767));

    it('chunks Int16 PCM under 4096 bytes per message and round-trips it exactly', () => {
      const samples = randomSamples(24000); // one second at 24 kHz
      const messages = buildEchoAudio(ID, samples, { sampleRate: 24000, inferenceId: 'echo-1' });
      expect(messages.length).to.be.greaterThan(10);
      for (const message of messages) {
        expect(messageByteLength(message)).to.be.at.most(MAX_APP_MESSAGE_BYTES);
        expect(decodeBase64(message.properties.audio!).length % 2).to.equal(0);
      }
      expect(concatAudio(messages)).to.deep.equal(int16Bytes(samples));
    });

    it('marks every chunk done: false but the last, with one inference_id and sample_rate', () => {
      const messages = buildEchoAudio(ID, randomSamples(5000), { sampleRate: 16000 });
      const ids = new Set(messages.map((m) => m.properties.inference_id));
      expect(ids.size).to.equal(1);
      expect([...ids][0]).to.match(UUID);
      expect(messages.map((m) => m.properties.done)).to.deep.equal([
        ...messages.slice(1).map(() => false),
        true,
      ]);
      for (const m of messages) {
        expect(m.event_type).to.equal('conversation.echo');
        expect(m.conversation_id).to.equal(ID);
        expect(m.properties.modality).to.equal('audio');
        expect(m.properties.sample_rate).to.equal(16000);
        expect(Object.keys(m.properties).sort()).to.deep.equal(
          ['audio', 'done', 'inference_id', 'modality', 'sample_rate'].sort(),
        );
      }
    });

    it('fills each chunk as far as the limit allows', () => {
      const messages = buildEchoAudio(ID, randomSamples(20000), { sampleRate: 24000 });
      for (const message of messages.slice(0, -1)) {
        // Base64 comes in groups of 4 characters, so a full chunk is within 3 bytes of the limit.
        expect(messageByteLength(message)).to.be.greaterThan(MAX_APP_MESSAGE_BYTES - 4);
      }
    });

    it('round-trips an ArrayBuffer byte for byte', () => {
      const bytes = Uint8Array.from({ length: 10_002 }, () => random.int(0, 255));
      const messages = buildEchoAudio(ID, bytes.buffer, { sampleRate: 16000 });
      for (const m of messages) expect(messageByteLength(m)).to.be.at.most(4096);
      expect(concatAudio(messages)).to.deep.equal(bytes);
    });

    it('uses only the viewed part of an Int16Array over a larger buffer', () => {
      const all = randomSamples(3000);
      const view = all.subarray(1000, 2500);
      expect(concatAudio(buildEchoAudio(ID, view, { sampleRate: 16000 }))).to.deep.equal(
        int16Bytes(Int16Array.from(view)),
      );
    });

    it('converts Float32 samples with clamping and round-trips the 16-bit result', () => {
      const floats = Float32Array.from({ length: 9000 }, () => random.next() * 2.4 - 1.2);
      floats.set([1, -1, 0, 0.5, -0.5, 2, -2, Number.NaN, Infinity, -Infinity], 0);
      const expected = Int16Array.from(floats, (s) => {
        if (Number.isNaN(s)) return 0;
        const c = Math.max(-1, Math.min(1, s));
        return Math.round(c < 0 ? c * 32768 : c * 32767);
      });
      expect(Array.from(expected.subarray(0, 10))).to.deep.equal([
        32767, -32768, 0, 16384, -16384, 32767, -32768, 0, 32767, -32768,
      ]);
      const messages = buildEchoAudio(ID, floats, { sampleRate: 48000 });
      for (const m of messages) expect(messageByteLength(m)).to.be.at.most(4096);
      expect(concatAudio(messages)).to.deep.equal(int16Bytes(expected));
    });

    it('respects a smaller maxMessageBytes and counts multi-byte ids in UTF-8', () => {
      const samples = randomSamples(4000);
      const messages = buildEchoAudio('convé-ïd', samples, {
        sampleRate: 16000,
        inferenceId: 'écho-☕',
        maxMessageBytes: 1000,
      });
      for (const m of messages) expect(messageByteLength(m)).to.be.at.most(1000);
      expect(messages.length).to.be.greaterThan(8);
      expect(concatAudio(messages)).to.deep.equal(int16Bytes(samples));
    });

    it('gives one closing message with empty audio for empty input', () => {
      const messages = buildEchoAudio(ID, new Int16Array(0), {
        sampleRate: 16000,
        inferenceId: 'e',
      });
      expect(messages).to.deep.equal([
        {
          message_type: 'conversation',
          event_type: 'conversation.echo',
          conversation_id: ID,
          properties: {
            modality: 'audio',
            audio: '',
            sample_rate: 16000,
            inference_id: 'e',
            done: true,
          },
        },
      ]);
    });

    it('streams over several calls with done: false', () => {
      const first = buildEchoAudio(ID, randomSamples(3000), {
        sampleRate: 16000,
        inferenceId: 'stream',
        done: false,
      });
      expect(first.every((m) => m.properties.done === false)).to.equal(true);
      const last = buildEchoAudio(ID, new Int16Array(0), {
        sampleRate: 16000,
        inferenceId: 'stream',
      });
      expect(last[0]!.properties.done).to.equal(true);
    });
  });

  describe('helpers', () => {
    it('base64Encode matches btoa for every length remainder', () => {
      for (let length = 0; length < 20; length++) {
        const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
        expect(base64Encode(bytes)).to.equal(btoa(String.fromCharCode(...bytes)));
      }
    });

    it('floatToInt16 maps the ends of the range and silence', () => {
      expect(floatToInt16(1)).to.equal(32767);
      expect(floatToInt16(-1)).to.equal(-32768);
      expect(floatToInt16(0)).to.equal(0);
      expect(floatToInt16(Number.NaN)).to.equal(0);
    });

    it('createId returns distinct v4 UUIDs', () => {
      const ids = new Set(Array.from({ length: 100 }, () => createId()));
      expect(ids.size).to.equal(100);
      for (const id of ids) expect(id).to.match(UUID);
    });

    it('createId works without crypto.randomUUID (non-secure contexts) and without crypto', () => {
      let calls = 0;
      const getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
        calls++;
        if (array instanceof Uint8Array) array.fill(0xab);
        return array;
      };
      expect(createIdWith({ getRandomValues })).to.equal('abababab-abab-4bab-abab-abababababab');
      expect(calls).to.equal(1);
      expect(createIdWith(undefined)).to.match(UUID);
      // Control: with randomUUID there, it is what gives the id.
      const randomUUID = () => '00000000-0000-4000-8000-000000000001' as const;
      expect(createIdWith({ randomUUID, getRandomValues })).to.equal(randomUUID());
      expect(calls).to.equal(1);
    });

    it('formatUuid sets the version and variant bits', () => {
      expect(formatUuid(new Uint8Array(16).fill(0xff))).to.equal(
        'ffffffff-ffff-4fff-bfff-ffffffffffff',
      );
      expect(formatUuid(new Uint8Array(16))).to.equal('00000000-0000-4000-8000-000000000000');
    });
  });
});
