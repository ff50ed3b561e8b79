// Optional sound effects: short WebAudio tones, no audio files. Muted by default; the
// choice is remembered per device. Browsers only allow audio after a user gesture, and
// the toggle itself is one, so the context is created lazily.
import { useSyncExternalStore } from 'react';
import { soundPref } from './storage.js';

export type Cue = 'join' | 'open' | 'locked' | 'correct' | 'wrong' | 'tick' | 'reveal' | 'fanfare';

const CUES: Record<Cue, Array<[frequency: number, startS: number, lengthS: number]>> = {
  join: [[660, 0, 0.08]],
  open: [[523, 0, 0.09], [784, 0.1, 0.12]],
  locked: [[880, 0, 0.06]],
  correct: [[523, 0, 0.1], [659, 0.1, 0.1], [784, 0.2, 0.18]],
  wrong: [[220, 0, 0.18], [180, 0.18, 0.25]],
  tick: [[1000, 0, 0.03]],
  reveal: [[440, 0, 0.12]],
  fanfare: [[523, 0, 0.12], [659, 0.12, 0.12], [784, 0.24, 0.12], [1047, 0.36, 0.35]],
};

let enabled = soundPref.get();
let context: AudioContext | null = null;
const listeners = new Set<() => void>();

export function setSoundEnabled(on: boolean): void {
  enabled = on;
  soundPref.set(on);
  if (on) {
    context ??= createContext();
    void context?.resume();
  }
  for (const listener of listeners) listener();
}

function createContext(): AudioContext | null {
  try {
    return new AudioContext();
  } catch {
    return null;
  }
}

export function play(cue: Cue): void {
  if (!enabled) return;
  context ??= createContext();
  if (!context) return;
  const start = context.currentTime;
  for (const [frequency, offset, length] of CUES[cue]) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = 'triangle';
    osc.frequency.value = frequency;
    // A quick fade in and out avoids clicks.
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.18, start + offset + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + length);
    osc.connect(gain).connect(context.destination);
    osc.start(start + offset);
    osc.stop(start + offset + length + 0.02);
  }
}

export function useSoundEnabled(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => enabled,
  );
}
