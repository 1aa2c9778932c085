import { expect, fixture, html } from '@open-wc/testing';

import { formatNumber, languageOf } from '../../src/translations/language.js';

describe('languageOf', () => {
  it('takes the nearest lang attribute, across shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="ar-EG"><p lang=" de "></p></div>`);
    const inner = outer.querySelector('p')!;
    const root = inner.attachShadow({ mode: 'open' });
    const deep = document.createElement('span');
    root.append(deep);
    expect(languageOf(deep)).to.equal('de');
    inner.removeAttribute('lang');
    expect(languageOf(deep)).to.equal('ar-EG');
  });

  it('is empty when nothing above says', async () => {
    const lang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      const el = await fixture<HTMLDivElement>(html`<div></div>`);
      expect(languageOf(el)).to.equal('');
    } finally {
      if (lang !== null) document.documentElement.setAttribute('lang', lang);
    }
  });
});

describe('formatNumber', () => {
  it('writes numbers for the language', () => {
    expect(formatNumber(1234, 'de')).to.equal('1.234');
    expect(formatNumber(1234, 'en')).to.equal('1,234');
    expect(formatNumber(12, 'ar-EG')).to.equal('١٢');
  });

  it("falls back to the browser's language for a tag that is not one", () => {
    expect(formatNumber(5, 'not a tag')).to.equal(new Intl.NumberFormat().format(5));
    expect(formatNumber(5, '')).to.equal(new Intl.NumberFormat().format(5));
  });
});
