import { expect } from '@open-wc/testing';

import type {
  ConversationState,
  EndedReason,
  FailureCode,
  MediaIssue,
} from '../../src/state/conversation-state.js';
import { EN_STRINGS } from '../../src/translations/en.js';
import {
  ERROR_STRING_KEYS,
  MEDIA_ISSUE_STRING_KEYS,
  endedText,
  errorText,
  mediaIssueText,
  named,
  statusText,
} from '../../src/translations/lookup.js';

/** Every value of a union, held to the type: a value added to it fails to compile here. */
const all = <T extends string>(values: Record<T, true>): T[] => Object.keys(values) as T[];

const FAILURE_CODES = all<FailureCode>({
  'missing-configuration': true,
  'invalid-url': true,
  'endpoint-failed': true,
  'endpoint-timeout': true,
  'call-unavailable': true,
  'join-failed': true,
  'call-failed': true,
});
const MEDIA_ISSUES = all<MediaIssue>({
  'permission-denied': true,
  'camera-denied': true,
  'microphone-denied': true,
  'device-in-use': true,
  'device-missing': true,
  'device-error': true,
});
const ENDED_REASONS = all<EndedReason>({
  'user-ended': true,
  'replica-left': true,
  shutdown: true,
  left: true,
  'time-limit': true,
  idle: true,
});

/** Each of `lines` is its own: no two inputs share a wording, none is empty. */
function expectDistinct(lines: string[], what: string): void {
  expect(
    lines.filter((line) => !line.trim()),
    `${what} without a line`,
  ).to.deep.equal([]);
  const repeated = lines.filter((line, i) => lines.indexOf(line) !== i);
  expect(repeated, `${what} worded alike`).to.deep.equal([]);
}

describe('string lookups', () => {
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

  it('words each failure code with a line of its own, not with the raw message', () => {
    const lines = FAILURE_CODES.map((code) => errorText(EN_STRINGS, { code, message: 'raw' }));
    expectDistinct(lines, 'failure codes');
    expect(lines).to.not.include('raw');
    // The table and the lookup agree, code by code.
    for (const code of FAILURE_CODES) {
      expect(errorText(EN_STRINGS, { code, message: 'raw' }), code).to.equal(
        EN_STRINGS[ERROR_STRING_KEYS[code]],
      );
    }
  });

  it("falls back to the error's own message when its string is empty or it has none", () => {
    const blank = { ...EN_STRINGS, errorInvalidUrl: '' };
    expect(errorText(blank, { code: 'invalid-url', message: 'raw' })).to.equal('raw');
    // A problem that does not end the call has no screen line of its own.
    expect(errorText(EN_STRINGS, { code: 'message-too-large', message: 'too long' })).to.equal(
      'too long',
    );
    expect(errorText(EN_STRINGS, null)).to.equal('');
  });

  it('words every ended reason, naming the replica where it can', () => {
    const unnamed = ENDED_REASONS.map((reason) => endedText(EN_STRINGS, reason, ''));
    expectDistinct(unnamed, 'ended reasons');
    expect(endedText(EN_STRINGS, 'replica-left', 'Anna')).to.equal('Anna left the conversation.');
    expect(endedText(EN_STRINGS, 'replica-left', '')).to.equal(EN_STRINGS.endedReplicaLeft);
    expect(endedText(EN_STRINGS, 'user-ended', 'Anna')).to.equal(EN_STRINGS.endedUserEnded);
    expect(endedText(EN_STRINGS, null, '')).to.equal('');
  });

  it('words each media issue with a line of its own', () => {
    const lines = MEDIA_ISSUES.map((issue) => mediaIssueText(EN_STRINGS, issue));
    expectDistinct(lines, 'media issues');
    for (const issue of MEDIA_ISSUES) {
      expect(mediaIssueText(EN_STRINGS, issue), issue).to.equal(
        EN_STRINGS[MEDIA_ISSUE_STRING_KEYS[issue]],
      );
    }
    expect(mediaIssueText(EN_STRINGS, null)).to.equal('');
  });

  it('has a status line for the states that need one', () => {
    const silent: ConversationState[] = ['idle', 'checking', 'error'];
    for (const state of silent) expect(statusText(EN_STRINGS, state, 'Anna'), state).to.equal('');
    expect(statusText(EN_STRINGS, 'connecting', '')).to.equal(EN_STRINGS.statusConnecting);
    expect(statusText(EN_STRINGS, 'waiting', 'Anna')).to.equal('Waiting for Anna to join…');
    expect(statusText(EN_STRINGS, 'connected', 'Anna')).to.equal('Connected with Anna');
    expect(statusText(EN_STRINGS, 'reconnecting', '')).to.equal(EN_STRINGS.statusReconnecting);
    expect(statusText(EN_STRINGS, 'ended', '')).to.equal(EN_STRINGS.endedTitle);
  });
});
