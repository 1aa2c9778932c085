/**
 * What the simulated replica says. A handful of rules stands in for the LLM: greetings, "what
 * can you do", the time and date, what it knows from the conversational context, its
 * sensitivity settings (so `conversation.sensitivity` is seen to arrive), a tool call
 * for adding coffee to a cart, and a thoughtful fallback that repeats the question. Pages can put
 * their own rules in front (`SimulatorOptions.script`).
 */
import type { SensitivitySettings } from './interactions.js';
import type { Random } from './random.js';

export interface BrainInput {
  /** What the user said or typed. */
  text: string;
  /** The conversational context as currently overwritten/appended. */
  context: string;
  /** The latest `conversation.sensitivity` values (absent: Tavus' defaults). */
  sensitivity: SensitivitySettings;
  replicaName: string;
  /** Wall-clock time of the question. */
  now: Date;
}

/** A scripted rule: when `match` matches the user's text, the replica says `reply`. */
export interface ScriptRule {
  /** A RegExp, a case-insensitive substring, or a predicate. */
  match: RegExp | string | ((text: string) => boolean);
  reply: string | ((input: BrainInput) => string);
}

export type BrainDecision =
  | { kind: 'say'; text: string }
  | { kind: 'tool'; name: string; arguments: Record<string, unknown> };

/** What came back for a tool call: a `conversation.tool_result`, or nothing in time. */
export type ToolOutcome = { status: 'success' | 'error'; output: unknown } | { status: 'timeout' };

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  couple: 2,
};

/** Finds "add <n> … coffee(s) … cart" and returns the quantity, or null. */
export function parseAddCoffee(text: string): number | null {
  const lower = text.toLowerCase();
  if (!/\badd\b/.test(lower) || !/\bcoffees?\b/.test(lower) || !/\bcart\b/.test(lower)) {
    return null;
  }
  const after = lower.slice(lower.search(/\badd\b/));
  const match =
    /\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple)\b/.exec(
      after.slice(3),
    );
  if (!match) return null;
  const token = match[1] as string;
  const quantity = /^\d+$/.test(token) ? Number(token) : (NUMBER_WORDS[token] ?? 0);
  return quantity > 0 ? quantity : null;
}

function matches(rule: ScriptRule, text: string): boolean {
  if (typeof rule.match === 'function') return rule.match(text);
  if (typeof rule.match === 'string') return text.toLowerCase().includes(rule.match.toLowerCase());
  rule.match.lastIndex = 0; // a /g or /y RegExp keeps state between calls
  return rule.match.test(text);
}

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > 140 ? `${trimmed.slice(0, 139)}…` : trimmed;
}

const TIME_FORMAT: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const DATE_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
};

const BUILT_IN: ScriptRule[] = [
  {
    match: /\bwhat (do|did) you know\b|\bwhat have you been told\b|\byour context\b/i,
    reply: ({ context }) =>
      context.trim()
        ? `Here is what I have been told: ${quote(context)}`
        : 'Nobody has given me any background yet, so I only know what you tell me.',
  },
  {
    match: /\bsensitiv/i,
    reply: ({ sensitivity }) =>
      `My pause sensitivity is ${sensitivity.participant_pause_sensitivity ?? 'the default'}, ` +
      `and my interrupt sensitivity is ${sensitivity.participant_interrupt_sensitivity ?? 'the default'}.`,
  },
  {
    match: /\bwhat can you do\b|\bhow can you help\b|^\s*help\b/i,
    reply:
      'I can chat with you, tell you the time and date, answer from the context your page gives me, ' +
      'and add coffee to your cart with a tool call. Try saying: add two coffees to my cart.',
  },
  {
    match: /\b(what|which) (day|date)\b|\btoday'?s date\b|\bwhat'?s the date\b/i,
    reply: ({ now }) => `Today is ${now.toLocaleDateString('en-US', DATE_FORMAT)}.`,
  },
  {
    match: /\bwhat time\b|\bthe time\b|\btime is it\b/i,
    reply: ({ now }) => `It is ${now.toLocaleTimeString('en-US', TIME_FORMAT)} where I am.`,
  },
  {
    match: /\bwho are you\b|\byour name\b/i,
    reply: ({ replicaName }) =>
      `I'm ${replicaName}, a simulated replica. I run offline in your browser, so no real AI is involved.`,
  },
  {
    match: /\b(thanks|thank you)\b/i,
    reply: "You're welcome! Is there anything else I can do for you?",
  },
  {
    match: /\b(bye|goodbye)\b/i,
    reply: 'Goodbye! It was lovely talking with you.',
  },
  {
    match: /^\s*(hi|hello|hey|good (morning|afternoon|evening))\b/i,
    reply: ({ replicaName }) =>
      `Hello! I'm ${replicaName}. It's nice to meet you. What would you like to talk about?`,
  },
];

const FALLBACKS: ((question: string) => string)[] = [
  (q) =>
    `You asked: "${q}". That's a thoughtful question. I'm a simulated replica working from a small script, so I can't research it, but I'd like to hear why it matters to you.`,
  (q) =>
    `"${q}" — let me think about that. I can't look anything up while I run offline, but tell me a little more and we can work through it together.`,
  (q) =>
    `Good question: "${q}". I don't have a scripted answer for that one. Could you tell me what you're hoping to find out?`,
];

/** Decides the reply to `input`: page rules first, then the coffee tool, then built-in rules. */
export function decide(
  input: BrainInput,
  rules: readonly ScriptRule[],
  random: Random,
): BrainDecision {
  for (const rule of rules) {
    if (matches(rule, input.text)) {
      return {
        kind: 'say',
        text: typeof rule.reply === 'function' ? rule.reply(input) : rule.reply,
      };
    }
  }
  const quantity = parseAddCoffee(input.text);
  if (quantity !== null) {
    return { kind: 'tool', name: 'add_to_cart', arguments: { item_name: 'coffee', quantity } };
  }
  for (const rule of BUILT_IN) {
    if (matches(rule, input.text)) {
      return {
        kind: 'say',
        text: typeof rule.reply === 'function' ? rule.reply(input) : rule.reply,
      };
    }
  }
  const question = quote(input.text);
  return { kind: 'say', text: random.pick(FALLBACKS)(question || '…') };
}

/** Turns a tool's output into one short sentence. */
function describeOutput(output: unknown): string {
  if (output === undefined || output === null || output === '') return '';
  if (typeof output === 'string') return quote(output);
  if (typeof output === 'object' && 'message' in output) {
    const message = output.message;
    if (typeof message === 'string') return quote(message);
  }
  try {
    return quote(JSON.stringify(output));
  } catch {
    return '';
  }
}

/** What the replica says once a tool call has an outcome. */
export function toolReply(
  name: string,
  args: Record<string, unknown>,
  outcome: ToolOutcome,
): string {
  if (outcome.status === 'timeout') {
    return `I asked the page to run ${name.replace(/_/g, ' ')}, but I never heard back, so I can't confirm it happened.`;
  }
  const detail = describeOutput(outcome.output);
  if (outcome.status === 'error') {
    return detail
      ? `I'm sorry, that didn't work. The page said: ${detail}`
      : "I'm sorry, that didn't work. Please try again in a moment.";
  }
  if (name === 'add_to_cart') {
    const quantity = typeof args['quantity'] === 'number' ? args['quantity'] : 1;
    const item = typeof args['item_name'] === 'string' ? args['item_name'] : 'item';
    const plural = quantity === 1 ? item : `${item}s`;
    return detail
      ? `Done! I added ${quantity} ${plural} to your cart. The page said: ${detail}`
      : `Done! I added ${quantity} ${plural} to your cart.`;
  }
  return detail ? `Done. The result was: ${detail}` : 'Done.';
}
