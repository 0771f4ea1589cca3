/** The exit codes, one table (README "Exit codes"; `--help` lists them too). */
export const exitCodes = {
	ok: 0,
	/** --wait: a watched job failed. */
	jobFailed: 1,
	usage: 2,
	/** The server stayed unreachable, refused the credentials, or a --job id never showed up. */
	unavailable: 3,
	/** Ctrl-C / SIGINT, as shells report it (128 + 2). */
	interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
