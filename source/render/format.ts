/** Short, fixed-style texts for durations, times, sizes and counts. Pure: time is passed in. */

/** 42s, 3m05s, 2h03m, 4d02h. Negative or unknown durations read as 0s. */
export const formatDuration = (ms: number): string => {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) {
		return `${seconds}s`;
	}

	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 24) {
		return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
	}

	return `${Math.floor(hours / 24)}d${String(hours % 24).padStart(2, '0')}h`;
};

/**
A coarse age, for times that tick on screen without a poll (time in state, stalled for, an ETA): in
steps of ten seconds under a minute (0s, 10s … 50s), minutes under an hour, like htop's TIME+. A row
then changes six times in its first minute and once a minute after that, instead of at every poll:
over SSH each change is bytes, and a number that moves without news draws the eye for nothing.
42s reads 40s, 3m05s reads 3m; 2h03m, 4d02h.
*/
export const formatAge = (ms: number): string => {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) {
		return `${seconds - (seconds % 10)}s`;
	}

	return seconds < 3600 ? `${Math.floor(seconds / 60)}m` : formatDuration(ms);
};

/**
A lower bound on an age (a job already in its state when the app first saw it), shown after `≥`: in
whole minutes, `0s` under the first one. Such a bound counts only how long the app has been watching,
which says nothing new about the job, and every job there at start has the same one: in 10-s steps the
bound changed every such row at once six times in the first minute (at 13 jobs a frame of 13 changed
rows, ~20 ms of CPU each, README › Performance). `≥0s` is what the first ten seconds showed before.
*/
export const formatBoundAge = (ms: number): string => ms < 60_000 ? '0s' : formatAge(ms);

/**
Time left (an ETA), in the same coarse steps as formatAge but rounded up: 8 s left reads 10s, not "0s"
(which says it is done), 3m05s reads 4m and 2h02m05s 2h03m. An ETA that has run out reads 0s.
*/
export const formatEta = (ms: number): string => {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	const tens = Math.ceil(seconds / 10) * 10;
	if (tens < 60) {
		return `${tens}s`;
	}

	const minutes = Math.ceil(seconds / 60);
	return minutes < 60 ? `${minutes}m` : formatDuration(minutes * 60_000);
};

/** An age that counts seconds under a minute (the header's "updated 7s ago" once a poll is late: then each second is news), minutes under an hour. */
export const formatLateAge = (ms: number): string => ms < 60_000 ? formatDuration(ms) : formatAge(ms);

const two = (n: number): string => String(n).padStart(2, '0');

/** Local wall-clock time, HH:MM:SS: what a person compares with their own clock. */
export const formatClock = (at: number): string => {
	const date = new Date(at);
	return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
};

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export const formatBytes = (bytes: number | undefined): string => {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) {
		return '?';
	}

	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
};

export const formatCount = (n: number | undefined): string =>
	n === undefined || !Number.isFinite(n) ? '?' : Math.round(n).toLocaleString('en-US');

/** Cells the percent takes, right-aligned after a progress bar (`100%`). */
export const percentWidth = 4;

export const formatPercent = (progress: number | undefined): string =>
	progress === undefined || Number.isNaN(progress) ? '?%' : `${Math.round(progress)}%`;

export const formatInterval = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`);
