import {formatInterval, formatLateAge} from './format.js';

/**
How long polls may take to come back before the header counts the seconds: one interval, and a second
for the request. Until then it reads "updated <3s ago" rather than 0s, 1s, 2s at every poll: that count
would redraw the screen every second while nothing happens (the goal is under 1 % of a core when idle);
a late poll, a pause or an error is when the age says something, and then it is counted.
*/
export const isFresh = (lastOkAgeMs: number, intervalMs: number): boolean => lastOkAgeMs < intervalMs + 1000;

export const updatedText = (lastOkAgeMs: number, intervalMs: number, failing: boolean): string =>
	!failing && isFresh(lastOkAgeMs, intervalMs) ? `updated <${formatInterval(intervalMs + 1000)} ago` : `updated ${formatLateAge(lastOkAgeMs)} ago`;
