import {Text} from 'ink';
import type {Mode} from '../model/store/actions.js';
import {footerHints, type Hint} from '../model/keys/key-help.js';
import type {KeyContext} from '../model/keys/keymap.js';
import {truncate} from '../render/cells.js';
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

const essential: ReadonlySet<string> = new Set(['help', 'quit', 'keep', 'clear', 'back']);

/** One line: the filter input while typing, then the keys that work in this mode, from the keymap. */
export function Footer({mode, keyContext, width, filterText, notice}: FooterProps) {
	const theme = useTheme();
	const hints = footerHints(mode, keyContext);
	const input = mode === 'filter' ? `/${filterText}${theme.ascii ? '_' : '▏'}  ` : '';
	const prefix = input + (notice === undefined ? '' : `${notice}  `);
	const cost = (list: readonly Hint[]) => list.reduce((sum, hint) => sum + hint.keys.length + hint.text.length + 3, -2);
	// When narrow, hints go from the end, but how to get help and how to quit always stay (like htop's F1/F10).
	const parts = [...hints];
	for (let index = parts.length - 1; index >= 0 && cost(parts) > width - prefix.length; index--) {
		if (!essential.has(parts[index]!.text)) {
			parts.splice(index, 1);
		}
	}

	return (
		<Text wrap='truncate'>
			{mode === 'filter' ? <Text bold>{truncate(input, width)}</Text> : ''}
			{notice === undefined ? '' : <Text color={theme.tone('header')}>{notice + '  '}</Text>}
			{parts.map(({keys, text}, index) => (
				<Text key={keys + text}>
					<Text bold color={theme.tone('key')}>{keys}</Text>
					{` ${text}`}
					{index === parts.length - 1 ? '' : '  '}
				</Text>
			))}
		</Text>
	);
}
