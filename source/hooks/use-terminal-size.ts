import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export type TerminalSize = {
	readonly columns: number;
	readonly rows: number;
	/** Columns the terminal has beyond `columns`, which the screen stream keeps free (tui-stream.ts). */
	readonly reservedColumns: number;
};

/** Streams that are not terminals (tests, pipes) report no size: assume the classic 80×24. */
const read = (stdout: NodeJS.WriteStream): TerminalSize => {
	const reserved: unknown = Reflect.get(stdout, 'reservedColumns');
	return {
		columns: stdout.columns > 0 ? stdout.columns : 80,
		rows: stdout.rows > 0 ? stdout.rows : 24,
		reservedColumns: typeof reserved === 'number' ? reserved : 0,
	};
};

/**
The terminal size, re-read on every `resize` so the layout follows at once. On the live screen the
stream (tui-stream.ts) reports one column less than the terminal has: the screen diff never writes
the last column. Read once every `resize` listener has run, so no listener's order matters.
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
