import { expect } from '@open-wc/testing';
describe('smoke', () => {
  it('runs in a real browser', () => {
    expect(navigator.userAgent).to.contain('Chrome');
  });
});
