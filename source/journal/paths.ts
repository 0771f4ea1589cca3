import path from 'node:path';

/** The journal's folder: `$XDG_STATE_HOME/milvus-import-top` (XDG: "state data that should persist between restarts"), else `~/.local/state/…`. */
export const journalDir = (env: Readonly<Record<string, string | undefined>>, home: string): string => {
	const state = env['XDG_STATE_HOME'];
	// The spec says a relative XDG_* path is invalid and must be ignored.
	const base = state !== undefined && path.isAbsolute(state) ? state : path.join(home, '.local', 'state');
	return path.join(base, 'milvus-import-top');
};

export const currentName = 'journal.jsonl';

/** `journal.1.jsonl` is the newest rotated file, `journal.<keep>.jsonl` the oldest. */
export const rotatedName = (index: number): string => `journal.${index}.jsonl`;

/** Every file of the journal, oldest first (the order to read them in). */
export const journalFiles = (dir: string, keep: number): string[] => [
	...Array.from({length: keep}, (_, i) => path.join(dir, rotatedName(keep - i))),
	path.join(dir, currentName),
];
