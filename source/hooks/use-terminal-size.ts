import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export type TerminalSize = {readonly columns: number; readonly rows: number};

/** Streams that are not terminals (tests, pipes) report no size: assume the classic 80×24. */
const read = (stdout: NodeJS.WriteStream): TerminalSize => ({
	columns: stdout.columns > 0 ? stdout.columns : 80,
	rows: stdout.rows > 0 ? stdout.rows : 24,
});

/**
The terminal size, re-read on every `resize` so the layout follows at once. Read once every `resize`
listener has run, not in this one: the screen stream (tui-stream.ts) reports one column less while
Ink handles a resize, and whether this listener runs before or after the one that ends that depends
on when React ran this effect (seen in CI as "have 49×8" on a 50-column terminal).
*/
export const useTerminalSize = (): TerminalSize => {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		let live = true;
		const onResize = () => {
			queueMicrotask(() => {
				if (!live) {
					return;
				}

				setSize(previous => {
					const next = read(stdout);
					return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
				});
			});
		};

		stdout.on('resize', onResize);
		return () => {
			live = false;
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
};
