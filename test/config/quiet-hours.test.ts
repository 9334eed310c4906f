import { describe, expect, it } from 'vitest';
import { isQuietTime, parseClock } from '../../src/config/index.js';

/** A local time today. */
function at(clock: string): Date {
  const [h, m] = clock.split(':').map(Number);
  const date = new Date(2026, 0, 15);
  date.setHours(h!, m!, 0, 0);
  return date;
}

describe('parseClock', () => {
  it('reads HH:MM as minutes since midnight', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('07:05')).toBe(425);
    expect(parseClock('23:59')).toBe(1439);
  });
  it.each(['24:00', '7:00', '07:60', '07-00', '', '07:00 ', 'ab:cd'])('refuses %j', (text) => {
    expect(parseClock(text)).toBeUndefined();
  });
});

describe('isQuietTime', () => {
  it('is never quiet without a window', () => {
    expect(isQuietTime(undefined, at('03:00'))).toBe(false);
  });

  describe('plain window 09:00–17:00', () => {
    const window = { start: '09:00', end: '17:00' };
    it.each([
      ['08:59', false],
      ['09:00', true],
      ['12:30', true],
      ['16:59', true],
      ['17:00', false],
      ['23:30', false],
    ])('%s → %s', (clock, quiet) => {
      expect(isQuietTime(window, at(clock))).toBe(quiet);
    });
  });

  describe('overnight window 22:00–07:00', () => {
    const window = { start: '22:00', end: '07:00' };
    it.each([
      ['21:59', false],
      ['22:00', true],
      ['23:30', true],
      ['00:00', true],
      ['03:00', true],
      ['06:59', true],
      ['07:00', false],
      ['12:00', false],
    ])('%s → %s', (clock, quiet) => {
      expect(isQuietTime(window, at(clock))).toBe(quiet);
    });
  });

  it('treats equal start and end as no window', () => {
    for (const clock of ['00:00', '08:00', '08:01', '21:00']) {
      expect(isQuietTime({ start: '08:00', end: '08:00' }, at(clock))).toBe(false);
    }
  });

  it('treats an unparsable window as no window', () => {
    expect(isQuietTime({ start: '25:00', end: '07:00' }, at('03:00'))).toBe(false);
  });
});
