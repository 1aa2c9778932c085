/**
 * The playground (index.html): `<tavus-conversation>` on the offline simulated replica, with a
 * live event log and a control for every public method.
 *
 * For the browser console and the end-to-end tests: `window.tavusDemo` holds the element, the
 * cart, and the simulated call objects made so far.
 */
import { createSimulatedCallFactory } from '/dist/cdn/tavus-simulator.js';
import { Cart, createEventLog, formatMoney, h, parseLatency, readDemoQuery } from './demo.js';

/** Shown in the panels while there is no conversation to send to. */
const IDLE_HINT = 'These controls work once the conversation is connected.';

/** States in which a call object exists (the simulator's controls need one). */
const IN_CALL = new Set(['connecting', 'waiting', 'connected', 'reconnecting']);

const $ = (selector) => {
  const node = document.querySelector(selector);
  if (!node) throw new Error(`index.html: ${selector} is missing`);
  return node;
};

await customElements.whenDefined('tavus-conversation');

/** The `<tavus-conversation>` element. */
const el = $('#conversation');
// The chat sits beside the video in a wide panel; on a phone it would cover the video at first.
if (matchMedia('(max-width: 700px)').matches) el.chatOpen = false;
const query = readDemoQuery();
const cart = new Cart();
/** Every simulated call object, oldest first (one per start). */
const calls = [];

// --- event log ---------------------------------------------------------------------------------

createEventLog({
  element: el,
  list: $('#log'),
  filter: $('#log-filter'),
  hideStreaming: $('#log-hide-streaming'),
  expand: $('#log-expand'),
  clear: $('#log-clear'),
  count: $('#log-count'),
});

// --- simulator settings (faults apply to the next start) -------------------------------------

const faults = /** @type {HTMLFieldSetElement} */ ($('#faults'));
const field = (name) =>
  /** @type {HTMLInputElement | HTMLSelectElement} */ (faults.elements.namedItem(name));

/** Puts a value into a select, adding an option when the query string asked for another one. */
function choose(select, value, label) {
  if (value === undefined) return;
  const text = String(value);
  if (![...select.options].some((option) => option.value === text)) {
    select.append(h('option', { value: text }, label));
  }
  select.value = text;
}

choose(
  field('reorder'),
  query.reorderProbability,
  `${Math.round((query.reorderProbability ?? 0) * 100)} %`,
);
choose(
  field('duplicates'),
  query.duplicateProbability,
  `${Math.round((query.duplicateProbability ?? 0) * 100)} %`,
);
if (query.latencyMs !== undefined) {
  const text = Array.isArray(query.latencyMs) ? query.latencyMs.join('-') : String(query.latencyMs);
  choose(field('latency'), text, `${text} ms`);
}
choose(field('wps'), query.wordsPerSecond, `${query.wordsPerSecond} words/s`);
/** @type {HTMLInputElement} */ (field('fast')).checked = query.fast;

function simulatorOptions() {
  const options = {
    replicaName: 'Anna',
    reorderProbability: Number(field('reorder').value) || 0,
    duplicateProbability: Number(field('duplicates').value) || 0,
    onCall: (call) => {
      calls.push(call);
      refreshReplicaKnows();
    },
  };
  if (/** @type {HTMLInputElement} */ (field('fast')).checked) options.fast = true;
  const latency = parseLatency(field('latency').value);
  if (latency !== undefined) options.latencyMs = latency;
  const wps = Number(field('wps').value);
  if (wps > 0) options.wordsPerSecond = wps;
  if (query.seed !== undefined) options.seed = query.seed;
  return options;
}

/** A new factory whenever a setting changes: the element reads `callFactory` on start(). */
function applySimulatorSettings() {
  el.callFactory = createSimulatedCallFactory(simulatorOptions());
  const note = $('#faults-note');
  note.textContent = IN_CALL.has(el.state)
    ? 'Changed: the new settings apply when the next conversation starts.'
    : 'Out-of-order and duplicated events are put back in seq order and shown once by the element.';
}

faults.addEventListener('change', applySimulatorSettings);
applySimulatorSettings();

// --- tools and the cart ----------------------------------------------------------------------

const toolFails = /** @type {HTMLInputElement} */ ($('#tool-fails'));

el.tools = {
  // Arguments come from the model: Cart.add() checks them. What it returns (or throws) goes
  // back to Tavus as conversation.tool_result.
  add_to_cart: async ({ item_name: itemName, quantity }) => {
    if (toolFails.checked) throw new Error('The shop is closed for maintenance.');
    const result = cart.add(itemName, quantity);
    say('#tool-output', `add_to_cart ran: ${result.message}`, 'ok');
    return result;
  },
};

function renderCart() {
  const list = $('#cart');
  list.replaceChildren(
    ...cart.lines.map((line) =>
      h(
        'li',
        { className: 'cart-line' },
        h('span', { className: 'cart-qty' }, `${line.quantity} ×`),
        h('span', { className: 'cart-name' }, line.name),
        h('span', { className: 'cart-price' }, formatMoney(line.quantity * line.price)),
      ),
    ),
  );
  $('#cart-count').textContent = `${cart.count} item${cart.count === 1 ? '' : 's'}`;
  $('#cart-total').textContent = cart.count ? `Total ${formatMoney(cart.total)}` : '';
}

cart.addEventListener('change', renderCart);
$('#cart-clear').addEventListener('click', () => cart.clear());
renderCart();

// --- state --------------------------------------------------------------------------------------

const ENDED_REASONS = {
  'user-ended': 'You ended the conversation.',
  'replica-left': 'The replica left.',
  shutdown: 'The service closed the conversation.',
  left: 'The call was left.',
};

function renderState(detail) {
  const state = el.state;
  const badge = $('#state-badge');
  badge.dataset.state = state;
  badge.textContent = state;
  let text = '';
  if (state === 'error' && el.error) text = `${el.error.code}: ${el.error.message}`;
  else if (state === 'ended') text = ENDED_REASONS[detail?.reason] ?? 'The conversation ended.';
  else if (state === 'idle') text = 'Press Start, or the button on the video.';
  const detailLine = $('#state-detail');
  detailLine.textContent = text;
  detailLine.dataset.tone = state === 'error' ? 'error' : '';

  const connected = state === 'connected';
  for (const control of document.querySelectorAll('[data-needs-call]')) {
    const simulatorControl =
      control.closest('#speech-form') ||
      control.matches('#network-button, #leave-button, #fatal-button');
    control.disabled = simulatorControl ? !(connected || state === 'reconnecting') : !connected;
  }
  $('#start-button').disabled = IN_CALL.has(state);
  $('#end-button').disabled = !IN_CALL.has(state);
  if (!connected) setSpeaking(false);
  // Say why the panels' controls are disabled; keep an error that is still worth reading.
  for (const selector of ['#talk-output', '#context-output', '#sim-output']) {
    const output = $(selector);
    const live = connected || (selector === '#sim-output' && state === 'reconnecting');
    if (!live && output.dataset.tone !== 'error') say(selector, IDLE_HINT, 'hint');
    else if (live && output.dataset.tone === 'hint') say(selector, '');
  }
  refreshReplicaKnows();
}

el.addEventListener('tavus-state-change', (event) => renderState(event.detail));
renderState();

function setSpeaking(speaking) {
  const badge = $('#speaking');
  badge.dataset.speaking = String(speaking);
  badge.textContent = speaking ? 'Replica is speaking' : 'Replica is quiet';
}

el.addEventListener('tavus-replica-started-speaking', () => setSpeaking(true));
el.addEventListener('tavus-replica-stopped-speaking', () => setSpeaking(false));

// --- actions ----------------------------------------------------------------------------------

/** Shows the outcome of an action in a card's status line. */
function say(selector, text, tone = '') {
  const output = $(selector);
  output.textContent = text;
  output.dataset.tone = tone;
}

/** Runs a method of the element and reports how it went; a rejection is shown, not thrown. */
async function run(selector, label, action) {
  try {
    await action();
    say(selector, `${label}: sent.`, 'ok');
  } catch (error) {
    say(selector, `${label} failed: ${error?.message ?? error}`, 'error');
  }
}

$('#start-button').addEventListener('click', () => {
  el.start().catch(() => {
    // The element shows the error and fires tavus-error; the badge follows the state.
  });
});
$('#end-button').addEventListener('click', () => void el.end());

$('#respond-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = /** @type {HTMLInputElement} */ ($('#respond-text'));
  const text = input.value.trim() || input.placeholder;
  void run('#talk-output', `respond(“${text}”)`, () => el.respond(text));
  input.value = '';
});

for (const chip of document.querySelectorAll('[data-say]')) {
  chip.addEventListener('click', () => {
    const text = chip.dataset.say;
    void run('#talk-output', `respond(“${text}”)`, () => el.respond(text));
  });
}

$('#echo-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = /** @type {HTMLInputElement} */ ($('#echo-text'));
  const text = input.value.trim() || input.placeholder;
  void run('#talk-output', `echo(“${text}”)`, () => el.echo(text));
  input.value = '';
});

$('#interrupt-button').addEventListener('click', () => {
  void run('#talk-output', 'interrupt()', () => el.interrupt());
});

$('#context-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = /** @type {HTMLTextAreaElement} */ ($('#context-text')).value;
  const mode =
    /** @type {SubmitEvent} */ (event).submitter?.value === 'append' ? 'append' : 'overwrite';
  void run('#context-output', `${mode}Context()`, () =>
    mode === 'append' ? el.appendContext(text) : el.overwriteContext(text),
  );
});

$('#sensitivity-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = /** @type {HTMLFormElement} */ (event.currentTarget);
  const data = new FormData(form);
  const sensitivity = {};
  if (data.get('pause')) sensitivity.pause = data.get('pause');
  if (data.get('interrupt')) sensitivity.interrupt = data.get('interrupt');
  if (!sensitivity.pause && !sensitivity.interrupt) {
    say('#context-output', 'Pick a pause or interrupt level first.', 'error');
    return;
  }
  void run('#context-output', `setSensitivity(${JSON.stringify(sensitivity)})`, () =>
    el.setSensitivity(sensitivity),
  );
});

// --- simulator controls -----------------------------------------------------------------------

/** The simulated call object of the current (or last) conversation. */
function currentCall() {
  return calls.at(-1);
}

async function simulate(label, action) {
  const call = currentCall();
  if (!call) {
    say('#sim-output', 'Start a conversation first.', 'error');
    return;
  }
  try {
    await action(call);
    say('#sim-output', `${label}: done.`, 'ok');
  } catch (error) {
    say('#sim-output', `${label} failed: ${error?.message ?? error}`, 'error');
  }
}

$('#speech-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = /** @type {HTMLInputElement} */ ($('#speech-text')).value.trim();
  if (!text) return;
  say('#sim-output', `You are “speaking”: ${text}`);
  void simulate('Simulated speech', (call) => call.simulateUserSpeech(text));
});

$('#network-button').addEventListener('click', () => {
  say('#sim-output', 'Network down for 3 seconds…');
  void simulate('Network interruption', (call) => call.simulateNetworkInterruption(3000));
});
$('#leave-button').addEventListener('click', () => {
  void simulate('Replica leaves', (call) => call.simulateReplicaLeave());
});
$('#fatal-button').addEventListener('click', () => {
  void simulate('Fatal error', (call) => call.simulateFatalError('Simulated fatal error'));
});

/** What the simulated replica received through context and sensitivity interactions. */
function refreshReplicaKnows() {
  const call = currentCall();
  const out = $('#replica-knows');
  if (!call) {
    out.textContent = '(no conversation yet)';
    return;
  }
  const sensitivity = call.sensitivity;
  out.textContent = [
    `context:     ${call.context ? JSON.stringify(call.context) : '(none)'}`,
    `pause:       ${sensitivity.participant_pause_sensitivity ?? '(default)'}`,
    `interrupt:   ${sensitivity.participant_interrupt_sensitivity ?? '(default)'}`,
  ].join('\n');
}

// App-messages take a little while to reach the simulated replica: look again shortly after.
el.addEventListener('tavus-send', () => {
  for (const delay of [150, 600, 1600]) setTimeout(refreshReplicaKnows, delay);
});

// --- element attributes -----------------------------------------------------------------------

const attributeBoxes = /** @type {NodeListOf<HTMLInputElement>} */ (
  document.querySelectorAll('#options [data-attribute]')
);
function syncAttributeBoxes() {
  for (const box of attributeBoxes) box.checked = el.hasAttribute(box.dataset.attribute);
}
for (const box of attributeBoxes) {
  box.addEventListener('change', () => el.toggleAttribute(box.dataset.attribute, box.checked));
}
// `chat-open` and `captions` reflect: follow changes made with the element's own buttons.
new MutationObserver(syncAttributeBoxes).observe(el, {
  attributes: true,
  attributeFilter: ['chat-open', 'captions'],
});
syncAttributeBoxes();

const themeSelect = /** @type {HTMLSelectElement} */ ($('#theme-select'));
themeSelect.value = el.theme;
themeSelect.addEventListener('change', () => el.setAttribute('theme', themeSelect.value));

// --- for the console and the tests ------------------------------------------------------------

window.tavusDemo = {
  element: el,
  cart,
  /** Every simulated call object made on this page, oldest first. */
  get calls() {
    return [...calls];
  },
  /** The most recent simulated call object. */
  get call() {
    return currentCall();
  },
};

if (query.autostart) el.start().catch(() => {});
document.documentElement.dataset.ready = 'true';
