/** The footer line in `--wait` mode: why the screen will close by itself. Undefined when not waiting. */
export const waitLine = (waiting: boolean, progress: {readonly done: number; readonly total: number} | undefined): string | undefined => {
	if (!waiting) {
		return undefined;
	}

	return progress === undefined ? '--wait: waiting for the first poll' : `--wait: ${progress.done} of ${progress.total} done, exits when all finish`;
};
