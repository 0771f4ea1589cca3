import {Box, Text} from 'ink';
import type {Mode} from '../model/store/actions.js';
import {footerHints, type Hint} from '../model/keys/key-help.js';
import type {Command, KeyContext} from '../model/keys/keymap.js';
import {truncate} from '../render/cells.js';
import {noticeLines} from '../render/notice-lines.js';
import {useTheme} from './theme-context.js';

export type FooterProps = {
	readonly mode: Mode;
	readonly keyContext: KeyContext;
	readonly width: number;
	/** The filter text, shown as an input line while typing. */
	readonly filterText: string;
	/** A short note (e.g. "copied 4548…"), shown before the hints until the next key. */
	readonly notice: string | undefined;
	/** The `[y/N]` question of a commit/abort: the whole line while it waits. */
	readonly prompt?: string;
	/** Keys that would only be refused for the selected job: their hints are dimmed. */
	readonly disabled?: ReadonlySet<Command>;
};

const essential: ReadonlySet<string> = new Set(['help', 'quit', 'keep', 'clear', 'back']);
/** The filter input while typing, or the [y/N] prompt, then the keys that work in this mode, from the keymap. */
export function Footer({
	mode, keyContext, width, filterText, notice, prompt, disabled,
}: FooterProps) {
	const theme = useTheme();
	if (mode === 'confirm' && prompt !== undefined) {
		return <Text bold wrap='truncate' color={theme.tone('header')}>{truncate(prompt, width)}</Text>;
	}

	const hints = footerHints(mode, keyContext);
	const own = noticeLines(notice, width);
	const inline = own.length === 0 ? notice : undefined;
	const input = mode === 'filter' ? `/${filterText}${theme.ascii ? '_' : '▏'}  ` : '';
	const prefix = input + (inline === undefined ? '' : `${inline}  `);
	const cost = (list: readonly Hint[]) => list.reduce((sum, hint) => sum + hint.keys.length + hint.text.length + 3, -2);
	// When narrow, hints go from the end, but how to get help and how to quit always stay (like htop's F1/F10).
	const parts = [...hints];
	for (let index = parts.length - 1; index >= 0 && cost(parts) > width - prefix.length; index--) {
		if (!essential.has(parts[index]!.text)) {
			parts.splice(index, 1);
		}
	}

	const line = (
		<Text wrap='truncate'>
			{mode === 'filter' ? <Text bold>{truncate(input, width)}</Text> : ''}
			{inline === undefined ? '' : <Text color={theme.tone('header')}>{inline + '  '}</Text>}
			{parts.map(({keys, text, command}, index) => {
				const off = disabled?.has(command) ?? false;
				return (
					<Text key={keys + text} dimColor={off}>
						<Text bold={!off} color={off ? undefined : theme.tone('key')}>{keys}</Text>
						{` ${text}`}
						{index === parts.length - 1 ? '' : '  '}
					</Text>
				);
			})}
		</Text>
	);
	if (own.length === 0) {
		return line;
	}

	return (
		<Box flexDirection='column'>
			{own.map((text, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines of one text, by position
				<Text key={index} wrap='truncate' color={theme.tone('header')}>{text}</Text>
			))}
			{line}
		</Box>
	);
}
