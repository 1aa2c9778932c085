/**
 * A spoken user turn as the replica reports it (protocol.md §7.1): user speaking events, the
 * words streamed as they are recognised under speculative inference ids that change while the
 * user talks (§4.7), speaking stops, and after a moment the committed user utterance, whose id
 * the reply then carries. Turns run one after another, as a real user cannot speak twice at once.
 */
import type { Random } from './random.js';
import type { ReplicaBroadcast } from './replica-broadcast.js';
import { durationSeconds, planSpeech, splitWords, textOf } from './speech.js';
import type { TaskGroup } from './task-group.js';

export interface UserSpeechSettings {
  wordsPerSecond: number;
  /** End of speech until the committed `conversation.utterance`. */
  userUtteranceMs: number;
}

/** What the replica does around a user turn. */
export interface UserTurnHooks {
  /** Opens a new turn and returns its `turn_idx`. */
  nextTurn(): number;
  /** The user started talking: an interruptible reply is cut. */
  bargeIn(): void;
  /** The user's utterance is committed: time to think of a reply. */
  committed(text: string, turnIdx: number, inferenceId: string): void;
}

export class UserSpeech {
  private chain: Promise<void> = Promise.resolve();
  private readonly waiting = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly settings: UserSpeechSettings,
    private readonly tasks: TaskGroup,
    private readonly broadcast: ReplicaBroadcast,
    private readonly random: Random,
    private readonly hooks: UserTurnHooks,
  ) {}

  /** Queues a turn; the promise settles when its utterance was sent (or the replica left). */
  say(text: string): Promise<void> {
    const run = (): Promise<void> =>
      new Promise<void>((resolve) => {
        if (this.stopped) {
          resolve();
          return;
        }
        const done = (): void => {
          this.waiting.delete(done);
          resolve();
        };
        this.waiting.add(done);
        this.turn(text, done);
      });
    this.chain = this.chain.then(run, run);
    return this.chain;
  }

  /** Settles every waiting turn; the tasks that would have finished them are already cancelled. */
  stop(): void {
    this.stopped = true;
    for (const resolve of [...this.waiting]) resolve();
    this.waiting.clear();
  }

  private turn(text: string, done: () => void): void {
    if (splitWords(text).length === 0) {
      done();
      return;
    }
    const { broadcast, random } = this;
    const turnIdx = this.hooks.nextTurn();
    let speculativeId = random.uuid();
    broadcast.emit('conversation.user.started_speaking', { turnIdx, inferenceId: speculativeId });
    broadcast.emit('conversation.started_speaking', {
      turnIdx,
      inferenceId: speculativeId,
      properties: { role: 'user' },
    });
    this.hooks.bargeIn();
    const plan = planSpeech(text, this.settings.wordsPerSecond, random);
    const last = plan.chunkEnds.length - 1;
    plan.chunkEnds.forEach((wordIndex, chunk) => {
      this.tasks.after(plan.wordEnds[wordIndex] ?? plan.durationMs, () => {
        speculativeId = random.uuid();
        broadcast.emit('conversation.utterance.streaming', {
          turnIdx,
          inferenceId: speculativeId,
          properties: {
            role: 'user',
            speech: textOf(plan, wordIndex + 1),
            content_index: 0,
            final: chunk === last,
          },
        });
        if (chunk === last) this.stopTalking(text, turnIdx, speculativeId, plan.durationMs, done);
      });
    });
  }

  private stopTalking(
    text: string,
    turnIdx: number,
    speculativeId: string,
    durationMs: number,
    done: () => void,
  ): void {
    const { broadcast } = this;
    broadcast.emit('conversation.user.stopped_speaking', { turnIdx, inferenceId: speculativeId });
    broadcast.emit('conversation.stopped_speaking', {
      turnIdx,
      inferenceId: speculativeId,
      properties: { role: 'user', interrupted: false, duration: durationSeconds(durationMs) },
    });
    const committedId = this.random.uuid();
    this.tasks.after(this.settings.userUtteranceMs, () => {
      broadcast.emit('conversation.utterance', {
        turnIdx,
        inferenceId: committedId,
        properties: { role: 'user', speech: text },
      });
      done();
      this.hooks.committed(text, turnIdx, committedId);
    });
  }
}
