export type RowWindow = {readonly start: number; readonly end: number};

/**
Which rows of `count` fit in `height` lines: [start, end). Scrolls as little as possible from
`previousTop` to keep `selectedIndex` in view (like less/top: the page only moves when the
selection leaves it), and never leaves blank lines at the bottom while rows are hidden above.
*/
export function visibleWindow(count: number, selectedIndex: number, height: number, previousTop = 0): RowWindow {
	const size = Math.max(0, Math.floor(height));
	if (size === 0 || count <= 0) {
		return {start: 0, end: 0};
	}

	let start = Math.min(Math.max(0, previousTop), Math.max(0, count - size));
	if (selectedIndex >= 0 && selectedIndex < count) {
		if (selectedIndex < start) {
			start = selectedIndex;
		} else if (selectedIndex >= start + size) {
			start = selectedIndex - size + 1;
		}
	}

	return {start, end: Math.min(count, start + size)};
}
