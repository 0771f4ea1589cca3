import type {Mode} from '../store/actions.js';
import {
	bindings, bindingsFor, isOffered, type Command, type KeyContext,
} from './keymap.js';

/** Footer hints and the help overlay, both derived from the one keymap. */

const labels: Readonly<Record<string, string>> = {
	up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
	enter: 'Enter', escape: 'Esc', backspace: 'Backspace', delete: 'Del', tab: 'Tab', 'ctrl+c': 'Ctrl-C', text: 'type', any: 'other',
};

/** How a key id is shown to people (footer, help, README). */
export const keyLabel = (id: string): string => labels[id] ?? id;

export type Hint = {readonly keys: string; readonly text: string; readonly command: Command};

/** Under read-only, the commit and abort hints become this one. */
const readOnlyHint: Hint = {keys: 'C/X', text: 'read-only', command: 'commit'};

export const footerHints = (mode: Mode, context: KeyContext): readonly Hint[] => {
	const hints = bindingsFor(mode, context).flatMap(binding => binding.hint
		? [{keys: binding.hint.keys ?? binding.keys.map(k => keyLabel(k)).join('/'), text: binding.hint.text, command: binding.command}]
		: []);
	if (context.jobActions !== 'read-only') {
		return hints;
	}

	const first = hints.findIndex(hint => hint.command === 'commit' || hint.command === 'abort');
	return first === -1 ? hints : [...hints.slice(0, first), readOnlyHint, ...hints.slice(first).filter(hint => hint.command !== 'commit' && hint.command !== 'abort')];
};

export type HelpSection = {readonly title: string; readonly rows: ReadonlyArray<{readonly keys: string; readonly description: string}>};

const sectionTitles: ReadonlyArray<readonly [Mode, string]> = [
	['list', 'Job list'],
	['filter', 'Filter box'],
	['detail', 'Detail view'],
	['events', 'Event log'],
	['collections', 'Pickers'],
	['contexts', 'Context picker'],
	['confirm', 'Commit/abort prompt'],
];

/** Every binding once, under the first mode it belongs to. */
export const helpSections = (context: KeyContext): readonly HelpSection[] =>
	sectionTitles.map(([mode, title]) => ({
		title,
		rows: bindings
			.filter(binding => binding.modes[0] === mode && isOffered(binding, context))
			.map(binding => ({keys: binding.keys.map(k => keyLabel(k)).join(' '), description: binding.description})),
	})).filter(section => section.rows.length > 0);
