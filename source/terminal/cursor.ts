/**
The shortest bytes that move the cursor from one cell to another (0-based row and column), among
absolute (CUP), relative (CUU/CUD/CUF/CUB, CNL/CPL), column (CHA), carriage return, line feed and
backspace moves. A line feed is only sent at column 0, where a terminal that adds a carriage return
to it (a TTY's ONLCR) and one that does not agree on where it lands. The cursor is never at the last
column (the diff never writes there), so there is no pending wrap to take into account.
*/
export type Position = {readonly row: number; readonly column: number};

const csi = (count: number, final: string): string => `\u001B[${count === 1 ? '' : count}${final}`;

export const absolute = (to: Position): string => {
	if (to.column === 0) {
		return to.row === 0 ? '\u001B[H' : `\u001B[${to.row + 1}H`;
	}

	return `\u001B[${to.row + 1};${to.column + 1}H`;
};

const horizontal = (from: number, to: number): string[] => {
	if (from === to) {
		return [''];
	}

	const options = [`\u001B[${to + 1}G`];
	if (to === 0) {
		options.push('\r');
	}

	if (to > from) {
		options.push(csi(to - from, 'C'));
	} else {
		options.push(from - to <= 3 ? '\b'.repeat(from - to) : csi(from - to, 'D'));
	}

	return options;
};

const shortest = (options: readonly string[]): string => {
	let best = options[0]!;
	for (const option of options) {
		if (option.length < best.length) {
			best = option;
		}
	}

	return best;
};

export const move = (from: Position | undefined, to: Position): string => {
	if (from === undefined) {
		return absolute(to);
	}

	if (from.row === to.row && from.column === to.column) {
		return '';
	}

	const options = [absolute(to)];
	const down = to.row - from.row;
	// Each vertical move, then the column it leaves the cursor at.
	const vertical: Array<[string, number]> = [];
	if (down === 0) {
		vertical.push(['', from.column]);
	} else if (down > 0) {
		vertical.push([csi(down, 'B'), from.column], [csi(down, 'E'), 0]);
		if (down <= 3) {
			vertical.push([(from.column === 0 ? '' : '\r') + '\n'.repeat(down), 0]);
		}
	} else {
		vertical.push([csi(-down, 'A'), from.column], [csi(-down, 'F'), 0]);
	}

	for (const [bytes, column] of vertical) {
		for (const rest of horizontal(column, to.column)) {
			options.push(bytes + rest);
		}
	}

	return shortest(options);
};
