/**
 * The replica's voice as the data channel sees it: one utterance at a time, in order, each
 * announced with its full text, streamed in word batches, and closed with stopped-speaking
 * events (protocol.md §4.1, §7). An utterance that is cut reports only the words already spoken
 * (§4.2), because a client that showed the whole intended reply would caption words nobody heard.
 */
import type { Random } from './random.js';
import type { ReplicaBroadcast } from './replica-broadcast.js';
import type { Cancel } from './scheduler.js';
import {
  durationSeconds,
  planSpeech,
  splitWords,
  textOf,
  wordsSpokenBy,
  type SpeechPlan,
} from './speech.js';
import type { TaskGroup } from './task-group.js';

export interface Utterance {
  /** What the replica intends to say (the one-shot `conversation.utterance`). */
  text: string;
  inferenceId: string;
  turnIdx: number;
  /** Whether `conversation.utterance.streaming` follows (not for the greeting). */
  stream: boolean;
  /** The greeting cannot be interrupted by the user (protocol.md §3.3). */
  interruptibleByUser: boolean;
  /** Known length (audio echo); otherwise paced by words per second. */
  durationMs?: number;
}

export interface SpeechSettings {
  wordsPerSecond: number;
  /** Pause between two queued utterances. */
  gapMs: number;
  /** Send the mid-era `conversation.replica_interrupted` when cut. */
  emitReplicaInterrupted: boolean;
}

interface ActiveUtterance extends Utterance {
  plan: SpeechPlan;
  startedAt: number;
  nextContentIndex: number;
  cancels: Cancel[];
}

export class ReplicaSpeech {
  private current: ActiveUtterance | null = null;
  private queue: Utterance[] = [];
  private startingNext: Cancel | null = null;

  constructor(
    private readonly settings: SpeechSettings,
    private readonly tasks: TaskGroup,
    private readonly broadcast: ReplicaBroadcast,
    private readonly random: Random,
    /** The replica's audio started or stopped (drives the synthetic face and voice). */
    private readonly speakingChanged: (speaking: boolean) => void,
  ) {}

  get speaking(): boolean {
    return this.current !== null;
  }

  /** Says `utterance` now, or after what is being said and queued before it. */
  speak(utterance: Utterance): void {
    if (splitWords(utterance.text).length === 0) return;
    if (this.current || this.startingNext) this.queue.push(utterance);
    else this.begin(utterance);
  }

  /** The app cut the replica (`conversation.interrupt`): even the greeting stops. */
  interrupt(): void {
    this.clearQueue();
    if (this.current) this.finish(true);
  }

  /** The user takes the floor: an interruptible reply is cut and nothing queued follows it. */
  yieldToUser(): void {
    if (this.current && !this.current.interruptibleByUser) return;
    this.interrupt();
  }

  /** Goes silent without further events (the replica left; its tasks are already cancelled). */
  stop(): void {
    this.queue = [];
    this.startingNext = null;
    const wasSpeaking = this.current !== null;
    this.current = null;
    if (wasSpeaking) this.speakingChanged(false);
  }

  private begin(utterance: Utterance): void {
    const { wordsPerSecond } = this.settings;
    const plan = planSpeech(utterance.text, wordsPerSecond, this.random, utterance.durationMs);
    const fields = { turnIdx: utterance.turnIdx, inferenceId: utterance.inferenceId };
    const broadcast = this.broadcast;
    // The replica utterance carries the whole intended reply, sent as speech starts (§4.1).
    broadcast.emitTwins('conversation.utterance', fields, (role) => ({
      role,
      speech: utterance.text,
    }));
    broadcast.emit('conversation.replica.started_speaking', fields);
    broadcast.emitTwins('conversation.started_speaking', fields, (role) => ({ role }));
    const active: ActiveUtterance = {
      ...utterance,
      plan,
      startedAt: this.tasks.now(),
      nextContentIndex: 0,
      cancels: [],
    };
    this.current = active;
    this.speakingChanged(true);
    if (!utterance.stream) {
      active.cancels.push(this.tasks.after(plan.durationMs, () => this.finish(false)));
      return;
    }
    const last = plan.chunkEnds.length - 1;
    plan.chunkEnds.forEach((wordIndex, chunk) => {
      const spokenBy = plan.wordEnds[wordIndex] ?? plan.durationMs;
      const batch = this.tasks.after(spokenBy, () => {
        broadcast.emitTwins('conversation.utterance.streaming', fields, (role) => ({
          role,
          speech: textOf(plan, wordIndex + 1),
          content_index: chunk,
          final: chunk === last,
        }));
        active.nextContentIndex = chunk + 1;
        if (chunk === last) this.finish(false);
      });
      active.cancels.push(batch);
    });
  }

  private finish(interrupted: boolean): void {
    const active = this.current;
    if (!active) return;
    for (const cancel of active.cancels) cancel();
    this.current = null;
    const elapsed = this.tasks.now() - active.startedAt;
    const duration = durationSeconds(interrupted ? elapsed : active.plan.durationMs);
    const fields = { turnIdx: active.turnIdx, inferenceId: active.inferenceId };
    const broadcast = this.broadcast;
    if (interrupted) {
      if (this.settings.emitReplicaInterrupted) {
        broadcast.emit('conversation.replica_interrupted', fields);
      }
      if (active.stream) {
        const spoken = textOf(active.plan, wordsSpokenBy(active.plan, elapsed));
        broadcast.emitTwins('conversation.utterance.streaming', fields, (role) => ({
          role,
          speech: spoken,
          content_index: active.nextContentIndex,
          final: true,
          is_interrupted: true,
        }));
      }
    }
    broadcast.emit('conversation.replica.stopped_speaking', {
      ...fields,
      properties: { duration, interrupted },
    });
    broadcast.emitTwins('conversation.stopped_speaking', fields, (role) => ({
      role,
      interrupted,
      duration,
    }));
    this.speakingChanged(false);
    if (!interrupted && this.queue.length > 0) {
      this.startingNext = this.tasks.after(this.settings.gapMs, () => {
        this.startingNext = null;
        const next = this.queue.shift();
        if (next) this.begin(next);
      });
    }
  }

  private clearQueue(): void {
    this.queue = [];
    this.startingNext?.();
    this.startingNext = null;
  }
}
