import { expect } from '@open-wc/testing';

import { EN_STRINGS, type TavusStrings } from '../../src/translations/en.js';

const keys = Object.keys(EN_STRINGS) as (keyof TavusStrings)[];

describe('EN_STRINGS', () => {
  it('has no empty strings', () => {
    expect(keys.length).to.be.greaterThan(20);
    for (const key of keys) {
      expect(EN_STRINGS[key].trim(), key).to.not.equal('');
    }
  });

  it('gives every Named string its plain variant, and the name a place in it', () => {
    const namedKeys = keys.filter((key) => key.endsWith('Named'));
    expect(namedKeys.length, 'Named strings').to.be.greaterThan(3);
    for (const key of namedKeys) {
      const plain = key.slice(0, -'Named'.length);
      expect(keys, `${key} without ${plain}`).to.include(plain);
      expect(EN_STRINGS[key], key).to.include('{name}');
      expect(EN_STRINGS[plain as keyof TavusStrings], plain).to.not.include('{name}');
    }
  });
});
