import type {
  CallFactory,
  CallFactoryOptions,
  DailyCallLike,
  DailyEventHandler,
  ParticipantLike,
} from '../../src/call/daily-like.js';

/** How a fake call answers `join()`. */
export type JoinBehaviour =
  /** `during` plays Daily's side while join() is under way, before it resolves. */
  | { kind: 'resolve'; during?: (call: FakeCall) => void }
  /** daily-js rejects with strings (toolchain.md P7). */
  | { kind: 'reject'; reason: unknown }
  | { kind: 'hang' };

export const REPLICA_SESSION = 'replica-session-1';

/**
 * A Daily-shaped call object scripted by the test: records what the element does (join
 * options, app-messages sent, leave/destroy) and lets the test play Daily's side (participants,
 * tracks, app-messages, network and errors).
 */
export class FakeCall implements DailyCallLike {
  joinOptions: Record<string, unknown> | undefined;
  readonly sent: { data: any; to: unknown }[] = [];
  left = 0;
  destroyed = 0;
  audio = true;
  video = true;
  private state = 'new';
  private readonly handlers = new Map<string, Set<DailyEventHandler>>();
  private readonly people: Record<string, ParticipantLike> = {};

  constructor(
    readonly options: CallFactoryOptions,
    private readonly joinBehaviour: JoinBehaviour = { kind: 'resolve' },
  ) {
    this.people['local'] = {
      session_id: 'local-session',
      user_id: 'local-user',
      user_name: '',
      local: true,
      tracks: {},
    };
  }

  on(event: string, handler: DailyEventHandler): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: DailyEventHandler): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  listenerCount(): number {
    let count = 0;
    for (const set of this.handlers.values()) count += set.size;
    return count;
  }

  emit(event: string, payload: Record<string, unknown> = {}): void {
    for (const handler of [...(this.handlers.get(event) ?? [])])
      handler({ action: event, ...payload });
  }

  async join(options?: Record<string, unknown>): Promise<unknown> {
    this.joinOptions = options;
    this.audio = !options?.['startAudioOff'];
    this.video = !options?.['startVideoOff'];
    this.state = 'joining-meeting';
    if (this.joinBehaviour.kind === 'reject') {
      this.state = 'error';
      throw this.joinBehaviour.reason;
    }
    if (this.joinBehaviour.kind === 'hang') return new Promise(() => {});
    this.state = 'joined-meeting';
    this.joinBehaviour.during?.(this);
    this.emit('joined-meeting', { participants: this.participants() });
    return this.participants();
  }

  /** Devices chosen with daily-js' setInputDevicesAsync(), in order. */
  readonly inputDevices: { audioDeviceId?: string; videoDeviceId?: string }[] = [];
  async setInputDevicesAsync(devices: {
    audioDeviceId?: string;
    videoDeviceId?: string;
  }): Promise<void> {
    this.inputDevices.push(devices);
  }

  /** daily-js' preAuth(): the room and token, ahead of the join. */
  preAuths: { url: string; token?: string }[] = [];
  async preAuth(options: { url: string; token?: string }): Promise<void> {
    this.preAuths.push(options);
  }

  /** daily-js' load(): Daily's call bundle fetched ahead of the join. */
  loads = 0;
  async load(): Promise<void> {
    this.loads += 1;
  }

  async leave(): Promise<void> {
    this.left += 1;
    this.state = 'left-meeting';
    this.emit('left-meeting');
  }

  async destroy(): Promise<void> {
    this.destroyed += 1;
    this.state = 'left-meeting';
  }

  participants(): Record<string, ParticipantLike> {
    return { ...this.people };
  }

  sendAppMessage(data: unknown, to?: string | string[]): this {
    if (this.state !== 'joined-meeting')
      throw new Error('sendAppMessage() only supported after join.');
    this.sent.push({ data, to });
    return this;
  }

  setLocalAudio(enabled: boolean): this {
    this.audio = enabled;
    this.emit('participant-updated', { participant: this.people['local'] });
    return this;
  }

  setLocalVideo(enabled: boolean): this {
    this.video = enabled;
    this.emit('participant-updated', { participant: this.people['local'] });
    return this;
  }

  localAudio(): boolean {
    return this.audio;
  }

  localVideo(): boolean {
    return this.video;
  }

  meetingState(): string {
    return this.state;
  }

  /** The replica joins the room (Tavus marks its user id). */
  addReplica(overrides: Partial<ParticipantLike> = {}): ParticipantLike {
    const replica: ParticipantLike = {
      session_id: REPLICA_SESSION,
      user_id: 'tavus-replica-r123',
      user_name: 'Anna',
      local: false,
      tracks: {},
      ...overrides,
    };
    this.people[replica.session_id] = replica;
    this.emit('participant-joined', { participant: replica });
    return replica;
  }

  /** Another (non-replica) participant joins. */
  addGuest(sessionId = 'guest-session'): ParticipantLike {
    const guest: ParticipantLike = {
      session_id: sessionId,
      user_id: 'guest-user',
      user_name: 'Mallory',
      local: false,
      tracks: {},
    };
    this.people[sessionId] = guest;
    this.emit('participant-joined', { participant: guest });
    return guest;
  }

  removeParticipant(sessionId: string): void {
    const participant = this.people[sessionId];
    delete this.people[sessionId];
    this.emit('participant-left', { participant });
  }

  /** Sets a participant's tracks and tells the element. */
  setTracks(sessionId: string, tracks: ParticipantLike['tracks']): void {
    const participant = this.people[sessionId]!;
    participant.tracks = tracks;
    this.emit('participant-updated', { participant });
  }

  /** An app-message arrives (from the replica unless told otherwise). */
  message(data: unknown, fromId: string = REPLICA_SESSION): void {
    this.emit('app-message', { data, fromId });
  }

  /** What the element sent, as Tavus interactions. */
  get interactions(): any[] {
    return this.sent.map((entry) => entry.data);
  }
}

/** A `callFactory` that hands out FakeCalls and remembers them. */
export function createFakeFactory(behaviours: JoinBehaviour[] = []): {
  factory: CallFactory;
  calls: FakeCall[];
} {
  const calls: FakeCall[] = [];
  const factory: CallFactory = (options) => {
    const call = new FakeCall(options, behaviours[calls.length] ?? { kind: 'resolve' });
    calls.push(call);
    return call;
  };
  return { factory, calls };
}

/** A Tavus observable event with the envelope filled in. */
export function tavusEvent(
  eventType: string,
  fields: Record<string, unknown> = {},
  conversationId = 'c123',
): Record<string, unknown> {
  return {
    message_type: eventType.startsWith('system.') ? 'system' : 'conversation',
    event_type: eventType,
    conversation_id: conversationId,
    ...fields,
  };
}
