import {knownStates} from '../model/jobs/job.js';
import type {SortColumn, SortSpec} from '../model/jobs/types.js';
import type {Environment} from './types.js';

/** Small parsers for flag values: each returns the value or a one-line reason, never throws. */
export type Parsed<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly message: string};

const ok = <T>(value: T): Parsed<T> => ({ok: true, value});
const fail = <T>(message: string): Parsed<T> => ({ok: false, message});

/** The longest delay a Node.js timer can hold (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
export const maxTimerMs = 2_147_483_647;

/**
Seconds as typed (`2`, `0.5`, `1.5s`, `1e3`) → milliseconds, from `minimumSeconds` up to `maximumMs`.
Beyond the timer limit the flag is refused with the reason, rather than clamped (a silent clamp is a
lie) or passed on (an overflowing timer fires at once: thousands of polls a second).
*/
export const parseSeconds = (flag: string, raw: string, minimumSeconds: number, maximumMs = maxTimerMs): Parsed<number> => {
	const match = /^\s*((?:\d+(?:\.\d*)?|\.\d+)(?:e[+\-]?\d+)?)\s*s?\s*$/iv.exec(raw);
	const seconds = match ? Number(match[1]) : Number.NaN;
	if (Number.isNaN(seconds) || seconds <= 0) {
		return fail(`--${flag} must be a positive number of seconds, got "${raw}"`);
	}

	const milliseconds = Math.round(Math.max(seconds, minimumSeconds) * 1000);
	if (!Number.isFinite(milliseconds) || milliseconds > maximumMs) {
		const limit = Math.floor(maximumMs / 1000);
		return fail(`--${flag} must be at most ${limit} seconds (${(limit / 86_400).toFixed(1)} days, the longest wait a Node.js timer holds), got "${raw}"`);
	}

	return ok(milliseconds);
};

export const parseCount = (flag: string, raw: string, maximum: number): Parsed<number> => {
	const value = /^\s*\d+\s*$/v.test(raw) ? Number(raw) : Number.NaN;
	if (!Number.isSafeInteger(value) || value > maximum) {
		return fail(`--${flag} must be a whole number from 0 to ${maximum}, got "${raw}"`);
	}

	return ok(value);
};

export const parsePort = (raw: string): Parsed<number> => {
	const value = /^\s*\d+\s*$/v.test(raw) ? Number(raw) : Number.NaN;
	return Number.isInteger(value) && value >= 0 && value <= 65_535
		? ok(value)
		: fail(`--port must be a port number from 0 to 65535, got "${raw}"`);
};

/** `--state importing,failed --state Pending` → canonical spellings; a typo is an error, not an empty screen. */
export const parseStates = (raw: readonly string[]): Parsed<readonly string[]> => {
	const states: string[] = [];
	for (const part of raw.flatMap(value => value.split(','))) {
		const wanted = part.trim();
		if (wanted === '') {
			continue;
		}

		const known = knownStates.find(state => state.toLowerCase() === wanted.toLowerCase());
		if (known === undefined) {
			return fail(`unknown state "${wanted}" for --state (one of ${knownStates.join(', ')})`);
		}

		if (!states.includes(known)) {
			states.push(known);
		}
	}

	return ok(states);
};

const sortAliases: Readonly<Record<string, SortColumn>> = {
	state: 'state',
	progress: 'progress',
	jobid: 'jobId',
	id: 'jobId',
	job: 'jobId',
	collection: 'collection',
	rate: 'rate',
	age: 'age',
};

/** `progress`, `-progress` (reverse; write `--sort=-progress` so it is not read as a flag) or `progress:desc`. */
export const parseSort = (raw: string): Parsed<SortSpec> => {
	let text = raw.trim().toLowerCase();
	let reverse = false;
	if (text.startsWith('-')) {
		reverse = true;
		text = text.slice(1);
	}

	const suffix = /^(.*):(asc|desc)$/v.exec(text);
	if (suffix) {
		text = suffix[1]!;
		reverse = reverse !== (suffix[2] === 'desc');
	}

	const column = sortAliases[text];
	return column === undefined
		? fail(`unknown sort column "${raw}" for --sort (one of state, progress, jobId, collection, rate, age; prefix - or add :desc to reverse)`)
		: ok({column, reverse});
};

/** Terminal capabilities from the environment. NO_COLOR: https://no-color.org (set and non-empty). */
export const colorFromEnv = (flag: boolean | undefined, env: Environment): boolean =>
	flag !== false && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';

/** The first of LC_ALL, LC_CTYPE, LANG that is set decides, as in POSIX; none set means the C locale. */
export const asciiFromEnv = (flag: boolean | undefined, env: Environment, platform: string): boolean => {
	if (flag === true) {
		return true;
	}

	const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find(value => value !== undefined && value !== '');
	if (locale === undefined) {
		// Windows terminals do not use POSIX locale variables, and all current ones draw Unicode.
		return platform !== 'win32';
	}

	return !/utf-?8/iv.test(locale);
};

/** `MILVUS_IMPORT_TOP_READ_ONLY`: 1/true/yes/on or 0/false/no/off (any case); unset or empty is off. A typo is an error: guessing "off" would be unsafe. */
export const parseReadOnlyEnv = (raw: string | undefined): Parsed<boolean> => {
	const value = (raw ?? '').trim().toLowerCase();
	if (['', '0', 'false', 'no', 'off'].includes(value)) {
		return ok(false);
	}

	return ['1', 'true', 'yes', 'on'].includes(value)
		? ok(true)
		: fail(`MILVUS_IMPORT_TOP_READ_ONLY must be 1/true/yes/on or 0/false/no/off, got "${raw ?? ''}"`);
};

/** --read-only / --no-read-only win over the environment. */
export const readOnlyFrom = (flag: boolean | undefined, env: Environment): Parsed<boolean> =>
	flag === undefined ? parseReadOnlyEnv(env.MILVUS_IMPORT_TOP_READ_ONLY) : ok(flag);
