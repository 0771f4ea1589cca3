import {Text} from 'ink';
import type {Mode} from '../model/actions.js';
import {footerHints} from '../model/key-help.js';
import type {KeyContext} from '../model/keymap.js';
import {truncate} from './cells.js';
import {useTheme} from './theme-context.js';

export type FooterProps = {
	readonly mode: Mode;
	readonly keyContext: KeyContext;
	readonly width: number;
	/** The filter text, shown as an input line while typing. */
	readonly filterText: string;
	/** A short note (e.g. "copied 4548…"), shown before the hints until the next one. */
	readonly notice: string | undefined;
};

/** One line: the filter input while typing, then the keys that work in this mode, from the keymap. */
export function Footer({mode, keyContext, width, filterText, notice}: FooterProps) {
	const theme = useTheme();
	const hints = footerHints(mode, keyContext);
	const input = mode === 'filter' ? `/${filterText}${theme.ascii ? '_' : '▏'}  ` : '';
	const prefix = input + (notice === undefined ? '' : `${notice}  `);
	let room = width - prefix.length;
	const parts: Array<{keys: string; text: string}> = [];
	for (const hint of hints) {
		const cost = hint.keys.length + hint.text.length + 3;
		if (cost > room) {
			break;
		}

		parts.push(hint);
		room -= cost;
	}

	return (
		<Text wrap='truncate'>
			{mode === 'filter' ? <Text bold>{truncate(input, width)}</Text> : ''}
			{notice === undefined ? '' : <Text color={theme.tone('header')}>{notice + '  '}</Text>}
			{parts.map(({keys, text}) => (
				<Text key={keys + text}>
					<Text bold color={theme.tone('key')}>{keys}</Text>
					{` ${text}  `}
				</Text>
			))}
		</Text>
	);
}
