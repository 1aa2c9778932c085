import { expect } from '@open-wc/testing';
import { EN_STRINGS } from '../../src/translations/en.js';
import { formatString } from '../../src/translations/format.js';
import {
  ERROR_STRING_KEYS,
  MEDIA_ISSUE_STRING_KEYS,
  endedText,
  errorText,
  mediaIssueText,
  named,
  statusText,
} from '../../src/translations/lookup.js';

describe('UI strings', () => {
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

  describe('EN_STRINGS', () => {
    it('has no empty strings', () => {
      for (const [key, value] of Object.entries(EN_STRINGS)) {
        expect(value.trim(), key).to.not.equal('');
      }
    });

    it('has a string for every error code and media issue', () => {
      for (const key of [
        ...Object.values(ERROR_STRING_KEYS),
        ...Object.values(MEDIA_ISSUE_STRING_KEYS),
      ]) {
        expect(EN_STRINGS[key], key).to.be.a('string').and.not.equal('');
      }
    });
  });

  describe('lookups', () => {
    it('uses the named variant when the name is known', () => {
      expect(named(EN_STRINGS, 'statusWaiting', 'Anna')).to.equal('Waiting for Anna to join…');
      expect(named(EN_STRINGS, 'statusWaiting', '  ')).to.equal(EN_STRINGS.statusWaiting);
      expect(named(EN_STRINGS, 'statusConnecting', 'Anna')).to.equal(EN_STRINGS.statusConnecting);
    });

    it('keeps an overridden plain string when its named variant was left in English', () => {
      const arabic = { ...EN_STRINGS, chatTitle: 'الدردشة' };
      expect(named(arabic, 'chatTitle', 'سامي')).to.equal('الدردشة');
      const both = { ...arabic, chatTitleNamed: 'الدردشة مع {name}' };
      expect(named(both, 'chatTitle', 'سامي')).to.equal('الدردشة مع سامي');
      const namedOnly = { ...EN_STRINGS, panelLabelNamed: 'Talk to {name} (support)' };
      expect(named(namedOnly, 'panelLabel', 'Anna')).to.equal('Talk to Anna (support)');
    });

    it('words the error from its code, else from the message', () => {
      expect(errorText(EN_STRINGS, { code: 'invalid-url', message: 'raw' })).to.equal(
        EN_STRINGS.errorInvalidUrl,
      );
      const blank = { ...EN_STRINGS, errorInvalidUrl: '' };
      expect(errorText(blank, { code: 'invalid-url', message: 'raw' })).to.equal('raw');
      expect(errorText(EN_STRINGS, null)).to.equal('');
    });

    it('words every ended reason', () => {
      expect(endedText(EN_STRINGS, 'replica-left', 'Anna')).to.equal('Anna left the conversation.');
      expect(endedText(EN_STRINGS, 'replica-left', '')).to.equal(EN_STRINGS.endedReplicaLeft);
      expect(endedText(EN_STRINGS, 'user-ended', 'Anna')).to.equal(EN_STRINGS.endedUserEnded);
      expect(endedText(EN_STRINGS, 'shutdown', '')).to.equal(EN_STRINGS.endedShutdown);
      expect(endedText(EN_STRINGS, 'left', '')).to.equal(EN_STRINGS.endedLeft);
      expect(endedText(EN_STRINGS, null, '')).to.equal('');
    });

    it('words media issues', () => {
      expect(mediaIssueText(EN_STRINGS, 'camera-denied')).to.equal(EN_STRINGS.mediaCameraDenied);
      expect(mediaIssueText(EN_STRINGS, null)).to.equal('');
    });

    it('has a status line for the states that need one', () => {
      expect(statusText(EN_STRINGS, 'idle', '')).to.equal('');
      expect(statusText(EN_STRINGS, 'error', '')).to.equal('');
      expect(statusText(EN_STRINGS, 'connecting', '')).to.equal(EN_STRINGS.statusConnecting);
      expect(statusText(EN_STRINGS, 'connected', 'Anna')).to.equal('Connected with Anna');
      expect(statusText(EN_STRINGS, 'ended', '')).to.equal(EN_STRINGS.endedTitle);
    });
  });
});
