/**
 * Shared code of the demo pages: simulator settings from the query string, the live event log,
 * a little shopping cart for the `add_to_cart` tool, and safe DOM helpers.
 *
 * Everything that comes from the conversation (Tavus events, transcript text, tool arguments)
 * is put into the page with `textContent`, never as HTML.
 */

/**
 * Simulator settings a page reads from its URL, so that a link (or an end-to-end test) can pick
 * them without clicking:
 *
 * - `?fast`           the simulator's test profile (joins and replies within milliseconds)
 * - `?wps=4`          the replica's speaking pace in words per second
 * - `?seed=7`         a fixed seed (same ids, wording and faults every time)
 * - `?reorder=0.3`    chance that an app-message arrives late, after later ones
 * - `?duplicates=0.2` chance that an app-message arrives twice
 * - `?latency=40-200` app-message latency in ms: a fixed number or a `min-max` range
 * - `?autostart`      start the conversation as soon as the page has loaded
 *
 * @param {string} [search]
 */
export function readDemoQuery(search = location.search) {
  const params = new URLSearchParams(search);
  const number = (name, min, max) => {
    if (!params.has(name)) return undefined;
    const value = Number(params.get(name));
    return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
  };
  const flag = (name) => params.has(name) && !['0', 'false', 'no'].includes(params.get(name));
  return {
    fast: flag('fast'),
    autostart: flag('autostart'),
    wordsPerSecond: number('wps', 0.5, 200),
    seed: number('seed', 0, 2 ** 31),
    reorderProbability: number('reorder', 0, 1),
    duplicateProbability: number('duplicates', 0, 1),
    latencyMs: parseLatency(params.get('latency')),
  };
}

/** `"50"` → 50, `"20-90"` → [20, 90], anything else → undefined. */
export function parseLatency(text) {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min) return undefined;
  return min === max ? min : [min, max];
}

/** The options for `createSimulatedCallFactory()` that the query string asks for. */
export function simulatorOptionsFromQuery(search = location.search) {
  const query = readDemoQuery(search);
  const options = {};
  if (query.fast) options.fast = true;
  for (const key of [
    'wordsPerSecond',
    'seed',
    'reorderProbability',
    'duplicateProbability',
    'latencyMs',
  ]) {
    if (query[key] !== undefined) options[key] = query[key];
  }
  return options;
}

/**
 * The DOM event name of a Tavus event type, by the element's one rule: drop a leading
 * `conversation.` or `system.`, turn `.` and `_` into `-`, prefix `tavus-`.
 */
export function eventNameFor(eventType) {
  const rest = String(eventType).replace(/^(conversation|system)\./, '');
  return `tavus-${rest.replace(/[._]/g, '-').toLowerCase()}`;
}

/**
 * Creates an element with properties and children. Strings become text nodes, so nothing is
 * ever parsed as HTML.
 *
 * @param {string} tag
 * @param {Record<string, unknown>} [props] properties (`className`, `hidden`…), `dataset`, `attrs`
 * @param {...(Node | string | null | undefined | false)} children
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'attrs') {
      for (const [name, attr] of Object.entries(value)) node.setAttribute(name, String(attr));
    } else node[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** `"a long text"` shortened to `max` characters with an ellipsis. */
export function clip(text, max = 120) {
  const flat = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A one-line summary of a Tavus event, for the log. */
export function summarizeTavusEvent(event) {
  const props = event && typeof event.properties === 'object' ? (event.properties ?? {}) : {};
  const type = String(event?.event_type ?? '');
  const said = (text) => `“${clip(text, 160)}”`;
  const speech = props.speech ?? props.text ?? props.content ?? props.transcript;
  switch (type) {
    case 'conversation.utterance':
      return `${props.role ?? '?'}: ${said(speech)}`;
    case 'conversation.utterance.streaming': {
      const flags = [
        `#${props.content_index ?? '?'}`,
        props.final ? 'final' : '',
        props.is_interrupted ? 'interrupted' : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `${props.role ?? '?'} ${flags}: ${said(speech)}`;
    }
    case 'conversation.tool_call':
    case 'conversation.perception_tool_call': {
      const args =
        typeof props.arguments === 'string' ? props.arguments : JSON.stringify(props.arguments);
      return `${props.name ?? '?'}(${clip(args, 100)})${props.tool_call_id ? ` ${props.tool_call_id}` : ''}`;
    }
    case 'conversation.started_speaking':
      return `${props.role ?? '?'}`;
    case 'conversation.stopped_speaking':
      return `${props.role ?? '?'}${props.interrupted ? ', interrupted' : ''}${
        typeof props.duration === 'number' ? `, ${props.duration} s` : ''
      }`;
    case 'conversation.replica.stopped_speaking':
      return `${props.interrupted ? 'interrupted' : 'finished'}${
        typeof props.duration === 'number' ? `, ${props.duration} s` : ''
      }`;
    case 'system.replica_joined':
      return props.replica_id ? `replica ${props.replica_id}` : '';
    case 'system.shutdown':
      return String(props.shutdown_reason ?? '');
    default:
      return event?.inference_id ? `inference ${clip(event.inference_id, 14)}` : '';
  }
}

/** A one-line summary of an interaction sent to Tavus (`tavus-send`). */
function summarizeInteraction(interaction) {
  const props = interaction?.properties ?? {};
  const type = String(interaction?.event_type ?? '');
  const parts = [type];
  if (typeof props.text === 'string') parts.push(`“${clip(props.text, 120)}”`);
  if (typeof props.context === 'string') parts.push(`“${clip(props.context, 120)}”`);
  if (props.tool_call_id) parts.push(`${props.tool_call_id} ${props.status ?? ''}`.trim());
  for (const key of ['participant_pause_sensitivity', 'participant_interrupt_sensitivity']) {
    if (props[key]) parts.push(`${key.replace('participant_', '')}=${props[key]}`);
  }
  if (props.modality === 'audio') parts.push('audio');
  return parts.join(' ');
}

function timeOf(date) {
  const pad = (value, size = 2) => String(value).padStart(size, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(
    date.getMilliseconds(),
    3,
  )}`;
}

function pretty(value) {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A live log of every `tavus-*` event of `element`: Tavus events through the catch-all
 * `tavus-event` (named by the element's rule), plus `tavus-state-change`, `tavus-error` and
 * `tavus-send`. Each entry shows its `seq`, name and a summary; opening it shows `detail` as
 * pretty-printed JSON (text, never HTML).
 *
 * @param {{ element: HTMLElement, list: HTMLOListElement | HTMLUListElement,
 *           filter?: HTMLInputElement, hideStreaming?: HTMLInputElement,
 *           expand?: HTMLInputElement, clear?: HTMLButtonElement, count?: HTMLElement,
 *           max?: number }} options
 */
export function createEventLog(options) {
  const { element, list, filter, hideStreaming, expand, clear, count } = options;
  const max = options.max ?? 1500;
  let total = 0;
  /** The highest `seq` logged so far: an event below it arrived after later ones. */
  let highestSeq = -1;

  const matches = (entry) => {
    if (hideStreaming?.checked && entry.dataset.name === 'tavus-utterance-streaming') return false;
    const needle = filter?.value.trim().toLowerCase() ?? '';
    return needle === '' || entry.dataset.search.includes(needle);
  };

  const updateCount = () => {
    if (!count) return;
    const shown = list.querySelectorAll('.log-entry:not([hidden])').length;
    const entries = list.children.length;
    count.textContent =
      shown === entries
        ? `${entries} event${entries === 1 ? '' : 's'}`
        : `${shown} of ${entries} shown`;
  };

  const refilter = () => {
    for (const entry of list.children) entry.hidden = !matches(entry);
    updateCount();
  };

  /** Adds one entry; `seq` is shown for Tavus events that carry one. */
  const add = ({ name, kind, seq, summary, detail, eventType }) => {
    total++;
    const stick = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
    // Twins (the PAL event and its legacy `replica` copy) share a seq; one that arrives after
    // later events is delivered late rather than dropped. The log says so.
    const late = seq !== undefined && seq < highestSeq;
    if (seq !== undefined) highestSeq = Math.max(highestSeq, seq);
    const pre = h('pre');
    const details = h(
      'details',
      { open: Boolean(expand?.checked) },
      h(
        'summary',
        {},
        h('span', { className: 'log-seq' }, seq === undefined ? '·' : String(seq)),
        h('span', { className: 'log-name' }, name),
        h(
          'span',
          { className: 'log-summary' },
          late
            ? h('span', { className: 'log-late', title: 'Arrived after later events' }, 'late')
            : null,
          summary,
        ),
      ),
      pre,
    );
    // The JSON is built when the entry is first opened: streaming events come many per second.
    const fill = () => {
      if (details.open && !pre.firstChild) {
        pre.textContent = `${timeOf(new Date())}  ${eventType ?? name}\n${pretty(detail)}`;
      }
    };
    details.addEventListener('toggle', fill);
    const entry = h(
      'li',
      {
        className: 'log-entry',
        dataset: {
          name,
          kind,
          search: `${name} ${eventType ?? ''} ${summary}`.toLowerCase(),
          ...(seq === undefined ? {} : { seq: String(seq) }),
          ...(late ? { late: 'true' } : {}),
        },
      },
      details,
    );
    entry.hidden = !matches(entry);
    list.append(entry);
    fill();
    while (list.children.length > max) list.firstElementChild?.remove();
    updateCount();
    if (stick) list.scrollTop = list.scrollHeight;
  };

  const onTavusEvent = (event) => {
    const detail = event.detail;
    add({
      name: eventNameFor(detail?.event_type ?? 'unknown'),
      kind: 'tavus',
      seq: typeof detail?.seq === 'number' ? detail.seq : undefined,
      summary: summarizeTavusEvent(detail),
      detail,
      eventType: detail?.event_type,
    });
  };
  const onStateChange = (event) => {
    const { state, previousState, reason, error } = event.detail ?? {};
    add({
      name: 'tavus-state-change',
      kind: 'element',
      summary: `${previousState} → ${state}${reason ? ` (${reason})` : ''}${
        error ? `: ${error.message}` : ''
      }`,
      detail: event.detail,
    });
  };
  const onError = (event) => {
    add({
      name: 'tavus-error',
      kind: 'error',
      summary: `${event.detail?.code}: ${event.detail?.message}`,
      detail: event.detail,
    });
  };
  const onSend = (event) => {
    add({
      name: 'tavus-send',
      kind: 'send',
      summary: summarizeInteraction(event.detail?.interaction),
      detail: event.detail,
    });
  };

  element.addEventListener('tavus-event', onTavusEvent);
  element.addEventListener('tavus-state-change', onStateChange);
  element.addEventListener('tavus-error', onError);
  element.addEventListener('tavus-send', onSend);
  filter?.addEventListener('input', refilter);
  hideStreaming?.addEventListener('change', refilter);
  expand?.addEventListener('change', () => {
    for (const details of list.querySelectorAll('details')) details.open = expand.checked;
  });
  clear?.addEventListener('click', () => {
    list.replaceChildren();
    updateCount();
  });
  element.addEventListener('tavus-state-change', (event) => {
    // A new conversation numbers its events from the start again.
    if (event.detail?.state === 'connecting') highestSeq = -1;
  });
  updateCount();

  return {
    get total() {
      return total;
    },
    clear: () => {
      list.replaceChildren();
      updateCount();
    },
  };
}

/** What the demo shop sells; the replica's `add_to_cart` tool names items loosely. */
const CATALOG = {
  coffee: { name: 'House blend coffee beans, 250 g', price: 12 },
  espresso: { name: 'Espresso roast, 250 g', price: 13.5 },
  decaf: { name: 'Swiss water decaf, 250 g', price: 12.5 },
  tea: { name: 'First flush tea, 100 g', price: 9 },
};

const MONEY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats a price in the demo shop's currency. */
export function formatMoney(amount) {
  return MONEY.format(amount);
}

/**
 * A tiny shopping cart. `add()` validates like a real shop would (the arguments come from a
 * model, so they are checked, not trusted) and returns what the tool sends back to Tavus.
 */
export class Cart extends EventTarget {
  /** @type {Map<string, { id: string, name: string, price: number, quantity: number }>} */
  #lines = new Map();

  get lines() {
    return [...this.#lines.values()];
  }

  get count() {
    return this.lines.reduce((sum, line) => sum + line.quantity, 0);
  }

  get total() {
    return this.lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
  }

  /**
   * @param {unknown} itemName
   * @param {unknown} quantity
   */
  add(itemName, quantity = 1) {
    const key = typeof itemName === 'string' ? itemName.trim().toLowerCase().replace(/s$/, '') : '';
    if (!key) throw new Error('Which item? item_name is missing.');
    const amount = Number(quantity);
    if (!Number.isInteger(amount) || amount < 1 || amount > 99) {
      throw new Error('quantity must be a whole number from 1 to 99.');
    }
    const product = CATALOG[key];
    if (!product) throw new Error(`We do not sell "${clip(itemName, 40)}".`);
    const line = this.#lines.get(key) ?? { id: key, ...product, quantity: 0 };
    line.quantity += amount;
    this.#lines.set(key, line);
    this.dispatchEvent(new Event('change'));
    return {
      message: `The cart now holds ${line.quantity} × ${line.name}; total ${formatMoney(this.total)}.`,
      added: amount,
      item: line.name,
      cart_count: this.count,
    };
  }

  clear() {
    this.#lines.clear();
    this.dispatchEvent(new Event('change'));
  }
}

/** The catalog entry for an item key (`coffee`, `espresso`…), for pages that list products. */
export function product(key) {
  return CATALOG[key];
}
