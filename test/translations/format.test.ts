import { expect } from '@open-wc/testing';

import { formatString } from '../../src/translations/format.js';

describe('formatString', () => {
  it('fills placeholders', () => {
    expect(formatString('{count}/{max}', { count: 3, max: 500 })).to.equal('3/500');
  });

  it('fills a placeholder used twice', () => {
    expect(formatString('{name}, {name}!', { name: 'Anna' })).to.equal('Anna, Anna!');
  });

  it('leaves unknown placeholders as written', () => {
    expect(formatString('Hi {name} {missing}', { name: 'Anna' })).to.equal('Hi Anna {missing}');
  });

  it('does not read inherited properties', () => {
    expect(formatString('{toString}', {})).to.equal('{toString}');
  });

  it('inserts values literally, even ones that look like placeholders or HTML', () => {
    expect(formatString('{a} {b}', { a: '{b}', b: '<i>x</i>' })).to.equal('{b} <i>x</i>');
  });
});
