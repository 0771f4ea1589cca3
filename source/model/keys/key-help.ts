import type {Mode} from '../store/actions.js';
import {bindings, bindingsFor, type KeyContext} from './keymap.js';

/** Footer hints and the help overlay, both derived from the one keymap. */

const labels: Readonly<Record<string, string>> = {
	up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
	enter: 'Enter', escape: 'Esc', backspace: 'Backspace', delete: 'Del', tab: 'Tab', 'ctrl+c': 'Ctrl-C', text: 'type',
};

/** How a key id is shown to people (footer, help, README). */
export const keyLabel = (id: string): string => labels[id] ?? id;

export type Hint = {readonly keys: string; readonly text: string};

export const footerHints = (mode: Mode, context: KeyContext): readonly Hint[] =>
	bindingsFor(mode, context).flatMap(binding => binding.hint
		? [{keys: binding.hint.keys ?? binding.keys.map(k => keyLabel(k)).join('/'), text: binding.hint.text}]
		: []);

export type HelpSection = {readonly title: string; readonly rows: ReadonlyArray<{readonly keys: string; readonly description: string}>};

const sectionTitles: ReadonlyArray<readonly [Mode, string]> = [
	['list', 'Job list'],
	['filter', 'Filter box'],
	['detail', 'Detail view'],
	['events', 'Event log'],
	['collections', 'Pickers'],
];

/** Every binding once, under the first mode it belongs to. */
export const helpSections = (context: KeyContext): readonly HelpSection[] =>
	sectionTitles.map(([mode, title]) => ({
		title,
		rows: bindings
			.filter(binding => binding.modes[0] === mode && (context.databases || !binding.needsDatabases))
			.map(binding => ({keys: binding.keys.map(k => keyLabel(k)).join(' '), description: binding.description})),
	})).filter(section => section.rows.length > 0);
