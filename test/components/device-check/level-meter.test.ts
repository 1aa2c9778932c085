import { expect } from '@open-wc/testing';
import { LevelMeter, levelOf } from '../../../src/components/device-check/level-meter.js';
import { nextFrames, waitFor } from '../../support/wait.js';
import { toneTrack } from './fake-media.js';

function sine(amplitude: number, length = 1024): Float32Array {
  return Float32Array.from({ length }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / 32));
}

describe('LevelMeter', () => {
  it('maps loudness onto 0..1 on a decibel scale from -60 dBFS', () => {
    expect(levelOf(new Float32Array(512))).to.equal(0);
    expect(levelOf(new Float32Array(0))).to.equal(0);
    // A full-scale sine is -3 dBFS.
    expect(levelOf(sine(1))).to.be.closeTo(0.95, 0.01);
    // -40 dB quieter: a third of the way up.
    expect(levelOf(sine(0.01))).to.be.closeTo(0.28, 0.01);
    expect(levelOf(sine(0.0001))).to.equal(0);
  });

  it('reports a loud microphone as a high level, and 0 once it stops measuring', async () => {
    const levels: number[] = [];
    const meter = new LevelMeter((level) => levels.push(level));
    const track = toneTrack(true);
    try {
      meter.measure(track);
      await waitFor(() => levels.some((level) => level > 0.6), 'the tone was not measured');
      meter.measure(null);
      expect(levels.at(-1)).to.equal(0);
    } finally {
      meter.dispose();
      track.stop();
    }
  });

  it('reports silence as 0', async () => {
    const levels: number[] = [];
    const meter = new LevelMeter((level) => levels.push(level));
    const track = toneTrack(false);
    try {
      meter.measure(track);
      // Frames, not time: the meter measures once per frame.
      await waitFor(() => levels.length > 10, 'the meter did not run');
      await nextFrames();
      expect(Math.max(...levels)).to.equal(0);
    } finally {
      meter.dispose();
      track.stop();
    }
  });
});
