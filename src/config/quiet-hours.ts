import type { QuietHours } from './schema.js';

const HH_MM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** Minutes since midnight for "HH:MM", or undefined when it is not a valid 24-hour time. */
export function parseClock(text: string): number | undefined {
  const match = HH_MM.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Whether `now` (local time) falls in the window. The start is inside and the end is not;
 * a start after the end is an overnight window (22:00–07:00); equal times mean no window.
 */
export function isQuietTime(quiet: QuietHours | undefined, now: Date): boolean {
  if (!quiet) return false;
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === undefined || end === undefined || start === end) return false;
  const minute = now.getHours() * 60 + now.getMinutes();
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
