/**
 * The real-service page (real.html): the element with its default call factory (the real
 * daily-js), joined to a pasted conversation URL or to one the demo server creates through
 * its reference conversation endpoint.
 */
import { createEventLog } from './demo.js';

const ENDPOINT = '/api/conversations';
const IN_CALL = new Set(['connecting', 'waiting', 'connected', 'reconnecting']);

const $ = (selector) => document.querySelector(selector);

/** Whether this server can create conversations: 'checking' | 'ready' | 'not-configured' | 'unknown'. */
let endpointStatus = 'checking';

await customElements.whenDefined('tavus-conversation');
const el = $('#conversation');

createEventLog({
  element: el,
  list: $('#log'),
  filter: $('#log-filter'),
  expand: $('#log-expand'),
  clear: $('#log-clear'),
  count: $('#log-count'),
});

function say(selector, text, tone = '') {
  const output = $(selector);
  output.textContent = text;
  output.dataset.tone = tone;
}

// --- state --------------------------------------------------------------------------------------

function renderState() {
  const state = el.state;
  const badge = $('#state-badge');
  badge.dataset.state = state;
  badge.textContent = state;
  const detail = $('#state-detail');
  detail.dataset.tone = state === 'error' ? 'error' : '';
  detail.textContent =
    state === 'error' && el.error
      ? `${el.error.code}: ${el.error.message}`
      : state === 'idle'
        ? 'Paste a conversation URL above, or create one through this server.'
        : '';
  $('#end-button').disabled = !IN_CALL.has(state);
  $('#join-button').disabled = IN_CALL.has(state);
  $('#create-button').disabled = IN_CALL.has(state) || endpointStatus !== 'ready';
}

el.addEventListener('tavus-state-change', renderState);
$('#end-button').addEventListener('click', () => void el.end());

// --- paste a URL --------------------------------------------------------------------------------

$('#paste-form').addEventListener('submit', (event) => {
  event.preventDefault();
  let url;
  try {
    url = new URL($('#url').value.trim());
  } catch {
    say(
      '#paste-output',
      'That is not a URL. It looks like https://tavus.daily.co/c123456.',
      'error',
    );
    return;
  }
  if (url.protocol !== 'https:') {
    say('#paste-output', 'A conversation URL starts with https://.', 'error');
    return;
  }
  const token = $('#token').value.trim();
  if (token) url.searchParams.set('t', token);
  // Properties, not attributes: the token must not show up in the DOM.
  el.conversationEndpoint = '';
  el.conversationUrl = url.href;
  say('#paste-output', `Joining ${url.origin}${url.pathname} with daily-js…`);
  el.start().then(
    () => say('#paste-output', 'Joined.', 'ok'),
    () =>
      say('#paste-output', 'Did not join: the reason is under the conversation below.', 'error'),
  );
});

// --- create through the server ------------------------------------------------------------------

function showEndpointStatus(status, title, text) {
  endpointStatus = status;
  const box = $('#endpoint-status');
  box.dataset.status = status;
  box.className = `callout ${status === 'ready' ? 'ok' : status === 'not-configured' ? 'danger' : 'warn'}`;
  const paragraph = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = title;
  paragraph.append(strong, ' ', text);
  box.replaceChildren(paragraph);
  if (status === 'not-configured') {
    const how = document.createElement('pre');
    how.className = 'code';
    how.textContent = 'TAVUS_API_KEY=… TAVUS_REPLICA_ID=r… TAVUS_PERSONA_ID=p… npm start';
    box.append(how);
  }
  renderState();
}

/**
 * Asks the server whether the endpoint is mounted, without creating anything: the endpoint only
 * accepts POST, so a GET answers 405 when it is mounted, and the offline server answers 501
 * `tavus-not-configured` for every method.
 */
async function checkEndpoint() {
  let response;
  try {
    response = await fetch(ENDPOINT, { headers: { accept: 'application/json' } });
  } catch (error) {
    showEndpointStatus('unknown', 'Could not ask the server.', String(error?.message ?? error));
    return;
  }
  if (response.status === 501) {
    let message = 'This server has no TAVUS_API_KEY.';
    try {
      const body = await response.json();
      if (body?.error?.code === 'tavus-not-configured' && body.error.message) {
        message = body.error.message;
      }
    } catch {
      // Keep the default message.
    }
    showEndpointStatus('not-configured', 'Not configured (501 tavus-not-configured).', message);
  } else if (response.status === 405) {
    showEndpointStatus(
      'ready',
      'Ready.',
      'This server has a Tavus API key: “Create and join” creates a real conversation, which Tavus bills.',
    );
  } else {
    showEndpointStatus(
      'unknown',
      `Unexpected answer (${response.status}).`,
      `Is this the demo server (npm start)? ${ENDPOINT} should answer 405 or 501.`,
    );
  }
}

$('#create-button').addEventListener('click', () => {
  el.conversationUrl = '';
  el.conversationEndpoint = ENDPOINT;
  say('#create-output', `Asking ${ENDPOINT} to create a conversation…`);
  el.start().then(
    () => say('#create-output', 'Created and joined.', 'ok'),
    () =>
      say('#create-output', 'Did not start: the reason is under the conversation below.', 'error'),
  );
});

renderState();
await checkEndpoint();
document.documentElement.dataset.ready = 'true';
