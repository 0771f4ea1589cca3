import {knownStates} from '../model/jobs/job.js';
import type {ParseResult, Since} from './types.js';
import type {Parsed} from './values.js';
import {
	bool, list, text, type RawFlags,
} from './flags.js';

const units: Readonly<Record<string, number>> = {
	s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000,
};

export const parseSince = (raw: string): Parsed<Since> => {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$/iv.exec(raw);
	if (match) {
		return {ok: true, value: {kind: 'ago', ms: Math.round(Number(match[1]) * units[match[2]!.toLowerCase()]!)}};
	}

	// A date (2026-12-01) or a moment (2026-12-01T08:00Z); Date.parse reads ISO 8601 the same everywhere.
	const at = /^\d{4}-\d{2}-\d{2}/v.test(raw.trim()) ? Date.parse(raw.trim()) : Number.NaN;
	return Number.isFinite(at)
		? {ok: true, value: {kind: 'at', at}}
		: {ok: false, message: `--since must be a period like 30m, 24h or 7d, or an ISO date, got "${raw}"`};
};

const historyStates = [...knownStates.map(state => state.toLowerCase()), 'expired', 'lost'];

export const resolveHistory = (flags: RawFlags): ParseResult => {
	const rawSince = text(flags, 'since');
	const since = rawSince === undefined ? undefined : parseSince(rawSince);
	if (since !== undefined && !since.ok) {
		return {kind: 'usage-error', message: since.message};
	}

	const states = list(flags, 'state').map(state => state.toLowerCase());
	const unknown = states.find(state => !historyStates.includes(state));
	if (unknown !== undefined) {
		return {kind: 'usage-error', message: `unknown state "${unknown}" for --state (one of ${historyStates.join(', ')})`};
	}

	return {
		kind: 'history',
		since: since?.value,
		states: [...new Set(states)],
		collections: [...new Set(list(flags, 'collection'))],
		contexts: [...new Set(list(flags, 'context'))],
		json: bool(flags, 'json') === true,
	};
};
