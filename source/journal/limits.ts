/**
How big the journal may grow. The defaults keep about 400,000 events (~160 bytes each): weeks of a
busy cluster, while `history` still reads it all in about a second (bench/journal.ts).
*/
export type JournalLimits = {
	/** The current file is rotated before an append would take it past this. */
	readonly maxBytes: number;
	/** Rotated files kept; the oldest is deleted by the next rotation. */
	readonly keep: number;
	/** A file last written longer ago than this is deleted (at start and at each rotation). */
	readonly maxAgeMs: number;
};

export const defaultLimits: JournalLimits = {
	maxBytes: 16 * 1024 * 1024,
	keep: 3,
	maxAgeMs: 30 * 24 * 60 * 60 * 1000,
};
