/**
 * The fictional shop's own code (marketing.html): its cart, its "Add to cart" buttons, and the
 * `add_to_cart` tool it gives the video agent, as a real shop would. Also what the simulated
 * barista says, used by the page's demo-only simulator module.
 */
import { Cart, clip, formatMoney, h } from './demo.js';

/** The simulated barista's first words. */
export const BARISTA_GREETING =
  "Hi, I'm Mia, Kettle and Crane's virtual barista. I'm a simulation running in your browser. " +
  'Tell me how you brew, or say: add two coffees to my cart.';

/** Shop questions the simulated barista can answer (checked before its built-in replies). */
export const BARISTA_SCRIPT = [
  {
    match: /\b(ship|shipping|deliver|delivery|arrive)\b/i,
    reply:
      'We roast every Monday and ship the same afternoon, so most orders arrive by Thursday. ' +
      'Shipping is free over thirty-five dollars.',
  },
  {
    match: /\bdecaf|caffeine\b/i,
    reply:
      'Our Swiss water decaf from Peru is decaffeinated without chemicals. It tastes of caramel ' +
      'and hazelnut, and it is lovely after dinner.',
  },
  {
    match: /\bespresso|machine\b/i,
    reply:
      'For an espresso machine I would pick the espresso roast: dark cocoa, molasses and a ' +
      'little orange peel. It holds up well in milk, too.',
  },
  {
    match: /\b(recommend|suggest|which (one|coffee|roast|bag)|best)\b/i,
    reply:
      'If you brew filter or French press, start with the house blend: milk chocolate, toasted ' +
      'almond and red apple. For espresso, the espresso roast.',
  },
  {
    match: /\bsubscri(be|ption)\b/i,
    reply:
      'Subscribers choose a roast and a rhythm, every one, two or four weeks, save fifteen ' +
      'percent and always ship free. You can skip or cancel any time.',
  },
];

const cart = new Cart();

function renderCart() {
  document.querySelector('#cart-count').textContent = String(cart.count);
  document
    .querySelector('#cart-lines')
    .replaceChildren(
      ...cart.lines.map((line) =>
        h(
          'li',
          {},
          h('span', {}, `${line.quantity} × ${line.name}`),
          h('span', { className: 'cart-price' }, formatMoney(line.quantity * line.price)),
        ),
      ),
    );
  document.querySelector('#cart-total').textContent = cart.count
    ? `Total ${formatMoney(cart.total)}`
    : '';
}

/** The cart button bounces when something is added, so a visitor notices the agent's work. */
function bump() {
  const button = document.querySelector('#cart-button');
  button.classList.remove('bump');
  void button.offsetWidth;
  button.classList.add('bump');
}

cart.addEventListener('change', () => {
  renderCart();
  bump();
});
renderCart();

for (const button of document.querySelectorAll('[data-add]')) {
  button.addEventListener('click', () => cart.add(button.dataset.add, 1));
}

await customElements.whenDefined('tavus-conversation');
const agent = document.querySelector('tavus-conversation');

// The tool the agent may call. Its arguments come from a model: Cart.add() checks them, and what
// it returns (or the error it throws) is what the agent hears back.
agent.tools = {
  add_to_cart: ({ item_name: itemName, quantity }) => {
    const result = cart.add(itemName, quantity);
    document.querySelector('#cart-count').title = `Added by Mia: ${clip(result.message, 80)}`;
    return result;
  },
};

for (const button of document.querySelectorAll('#ask-barista, #ask-barista-2')) {
  button.addEventListener('click', () => {
    agent.open = true;
  });
}

// For the browser console and the end-to-end tests.
window.shop = { cart, agent };
