import {truncate, width} from './cells.js';

/**
`text` word-wrapped to lines of at most `lineWidth` cells (a word longer than a line is cut into
pieces), at most `maxLines` of them; when there is more, the last line ends in `…`. The detail view
draws each line on its own, so a long reason can never run past the lines it was given.
*/
export const wrapLines = (text: string, lineWidth: number, maxLines: number): string[] => {
	const lines: string[] = [];
	let line = '';
	const push = () => {
		lines.push(line);
		line = '';
	};

	for (const word of text.split(' ')) {
		let rest = word;
		while (width(rest) > lineWidth) {
			const room = line === '' ? lineWidth : lineWidth - width(line) - 1;
			if (room < Math.min(8, lineWidth)) {
				push();
				continue;
			}

			const piece = truncate(rest, room, '');
			line = line === '' ? piece : `${line} ${piece}`;
			rest = rest.slice(piece.length);
			push();
		}

		if (line !== '' && width(line) + 1 + width(rest) > lineWidth) {
			push();
		}

		line = line === '' ? rest : `${line} ${rest}`;
		if (lines.length > maxLines) {
			break;
		}
	}

	if (line !== '') {
		push();
	}

	if (lines.length <= maxLines) {
		return lines;
	}

	const shown = lines.slice(0, maxLines);
	shown[maxLines - 1] = truncate(`${shown[maxLines - 1]!} ${lines[maxLines]!}`, lineWidth, '…');
	if (!shown[maxLines - 1]!.endsWith('…')) {
		shown[maxLines - 1] = `${truncate(shown[maxLines - 1]!, lineWidth - 1, '')}…`;
	}

	return shown;
};
