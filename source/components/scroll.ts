/**
The first visible row, moved as little as possible to keep `selected` in view (like less, htop and k9s:
the list does not jump while the cursor stays on screen).
*/
export const scrollOffset = (previous: number, selected: number, height: number, count: number): number => {
	if (height <= 0 || count <= height) {
		return 0;
	}

	const maxOffset = count - height;
	let offset = Math.min(Math.max(0, previous), maxOffset);
	if (selected < offset) {
		offset = Math.max(0, selected);
	} else if (selected >= offset + height) {
		offset = selected - height + 1;
	}

	return Math.min(offset, maxOffset);
};
