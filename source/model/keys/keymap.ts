import type {Mode} from '../store/actions.js';
import type {ActionsAvailability} from './job-action-rules.js';
import {isText, keyId, type KeyFlags} from './key-input.js';

/**
The one table of key bindings. It routes keys by mode (typing `q` in the filter box edits the filter,
it does not quit), and it is the only source of the footer hints, the help overlay and the README key
list (a test checks the README against `bindings`). Keys are named by id: a single character is that
character; longer ids name special keys (`up`, `pageup`, `enter`, `escape`, `ctrl+c`, …); `text` stands
for any printable input, `any` for any key the mode binds to nothing else. What each command then does
(actions for the store, effects such as quit or copy): plan-command.ts.
*/

export type Command
	= | 'move-up' | 'move-down' | 'page-up' | 'page-down' | 'first' | 'last'
		| 'filter' | 'clear-filter' | 'filter-accept' | 'filter-cancel' | 'filter-backspace' | 'filter-type'
		| 'only-failed' | 'all-states'
		| 'toggle-pending' | 'toggle-importing' | 'toggle-completed' | 'toggle-failed' | 'toggle-uncommitted' | 'toggle-committing'
		| 'collections' | 'prev-collection' | 'next-collection' | 'databases' | 'contexts' | 'command-type' | 'command-backspace'
		| 'sort-next' | 'sort-reverse' | 'pause' | 'refresh' | 'interval-up' | 'interval-down'
		| 'copy-id' | 'events' | 'history-rows' | 'help' | 'detail' | 'pick' | 'back' | 'quit'
		| 'commit' | 'abort' | 'confirm-yes' | 'confirm-no';

export type Binding = {
	readonly keys: readonly string[];
	/** The first mode is where the help overlay lists the binding. */
	readonly modes: readonly Mode[];
	readonly command: Command;
	readonly description: string;
	/** Shown in the footer of these modes, as `<keys> <text>`. */
	readonly hint?: {readonly keys?: string; readonly text: string};
	/** Only offered when the server can list databases (Milvus 2.5+). */
	readonly needsDatabases?: true;
	/** Only offered when several contexts are watched (issue #13). */
	readonly needsContexts?: true;
	/** Commit/abort: gone where the server has no such routes; one `C/X read-only` hint under --read-only. */
	readonly changesServer?: true;
};

const everywhereButFilter: readonly Mode[] = ['list', 'detail', 'help', 'events', 'collections', 'databases', 'contexts'];
const pickers: readonly Mode[] = ['collections', 'databases', 'contexts'];
const scrolling: readonly Mode[] = ['list', 'filter', 'events', 'help', ...pickers];

export const bindings: readonly Binding[] = [
	{
		keys: ['up', 'k'], modes: ['list', 'events', 'help', ...pickers], command: 'move-up', description: 'move up',
	},
	{
		keys: ['down', 'j'], modes: ['list', 'events', 'help', ...pickers], command: 'move-down', description: 'move down', hint: {keys: '↑↓', text: 'move'},
	},
	{
		keys: ['up'], modes: ['filter'], command: 'move-up', description: 'move up while filtering',
	},
	{
		keys: ['down'], modes: ['filter'], command: 'move-down', description: 'move down while filtering',
	},
	{
		keys: ['pageup'], modes: scrolling, command: 'page-up', description: 'page up',
	},
	{
		keys: ['pagedown'], modes: scrolling, command: 'page-down', description: 'page down',
	},
	{
		keys: ['home', 'g'], modes: ['list', 'events', 'help', ...pickers], command: 'first', description: 'go to the first row',
	},
	{
		keys: ['end', 'G'], modes: ['list', 'events', 'help', ...pickers], command: 'last', description: 'go to the last row',
	},
	{
		keys: ['/'], modes: ['list'], command: 'filter', description: 'filter rows (live; a leading ! inverts)', hint: {text: 'filter'},
	},
	{
		keys: ['escape'], modes: ['list'], command: 'clear-filter', description: 'clear the filter and state selection',
	},
	{
		keys: ['text'], modes: ['filter'], command: 'filter-type', description: 'type to filter by id, collection, state or reason',
	},
	{
		keys: ['backspace', 'delete'], modes: ['filter'], command: 'filter-backspace', description: 'delete the last character',
	},
	{
		keys: ['enter'], modes: ['filter'], command: 'filter-accept', description: 'keep the filter', hint: {text: 'keep'},
	},
	{
		keys: ['escape'], modes: ['filter'], command: 'filter-cancel', description: 'clear the filter', hint: {text: 'clear'},
	},
	{
		keys: ['f'], modes: ['list'], command: 'only-failed', description: 'failed jobs only (again: all)', hint: {text: 'failed'},
	},
	{
		keys: ['C'], modes: ['list', 'detail'], command: 'commit', description: 'commit the selected Uncommitted job (Milvus 3.0; asks first)', hint: {text: 'commit'}, changesServer: true,
	},
	{
		keys: ['X'], modes: ['list', 'detail'], command: 'abort', description: 'abort the selected job (Milvus 3.0, auto_commit=false; asks first)', hint: {text: 'abort'}, changesServer: true,
	},
	{
		keys: ['y'], modes: ['confirm'], command: 'confirm-yes', description: 'yes: send the commit or abort', hint: {text: 'yes'},
	},
	{
		keys: ['any'], modes: ['confirm'], command: 'confirm-no', description: 'any other key: cancel, send nothing', hint: {keys: 'other', text: 'cancel'},
	},
	{
		keys: ['a'], modes: ['list'], command: 'all-states', description: 'jobs in every state',
	},
	{
		keys: ['1'], modes: ['list'], command: 'toggle-pending', description: 'show/hide Pending', hint: {keys: '1-6', text: 'states'},
	},
	{
		keys: ['2'], modes: ['list'], command: 'toggle-importing', description: 'show/hide Importing',
	},
	{
		keys: ['3'], modes: ['list'], command: 'toggle-completed', description: 'show/hide Completed',
	},
	{
		keys: ['4'], modes: ['list'], command: 'toggle-failed', description: 'show/hide Failed',
	},
	{
		keys: ['5'], modes: ['list'], command: 'toggle-uncommitted', description: 'show/hide Uncommitted (Milvus 3.0)',
	},
	{
		keys: ['6'], modes: ['list'], command: 'toggle-committing', description: 'show/hide Committing (Milvus 3.0)',
	},
	{
		keys: ['c'], modes: ['list'], command: 'collections', description: 'pick a collection', hint: {text: 'collection'},
	},
	{
		keys: ['['], modes: ['list'], command: 'prev-collection', description: 'previous collection',
	},
	{
		keys: [']'], modes: ['list'], command: 'next-collection', description: 'next collection',
	},
	{
		keys: ['d'], modes: ['list'], command: 'databases', description: 'pick a database', hint: {text: 'database'}, needsDatabases: true,
	},
	{
		keys: [':'], modes: ['list'], command: 'contexts', description: 'pick a context: all, or one; shows each one\'s counts (k9s :ctx)', hint: {text: 'context'}, needsContexts: true,
	},
	{
		keys: ['s'], modes: ['list'], command: 'sort-next', description: 'sort by the next column', hint: {text: 'sort'},
	},
	{
		keys: ['S'], modes: ['list'], command: 'sort-reverse', description: 'reverse the sort',
	},
	{
		keys: ['p'], modes: ['list', 'detail'], command: 'pause', description: 'pause/resume polling', hint: {text: 'pause'},
	},
	{
		keys: ['r'], modes: ['list', 'detail'], command: 'refresh', description: 'refresh now',
	},
	{
		keys: ['+', '='], modes: ['list'], command: 'interval-up', description: 'poll less often',
	},
	{
		keys: ['-'], modes: ['list'], command: 'interval-down', description: 'poll more often',
	},
	{
		keys: ['y'], modes: ['list', 'detail'], command: 'copy-id', description: 'copy the job id (OSC 52)', hint: {text: 'copy id'},
	},
	{
		keys: ['e'], modes: ['list', 'events'], command: 'events', description: 'event log (again: back)', hint: {text: 'events'},
	},
	{
		keys: ['h'], modes: ['list'], command: 'history-rows', description: 'show/hide jobs the server forgot, from the journal',
	},
	{
		keys: ['?'], modes: ['list', 'help', 'detail', 'events'], command: 'help', description: 'help (again: back)', hint: {text: 'help'},
	},
	{
		keys: ['enter'], modes: ['list'], command: 'detail', description: 'details of the selected job', hint: {text: 'detail'},
	},
	{
		keys: ['enter'], modes: pickers, command: 'pick', description: 'choose', hint: {text: 'choose'},
	},
	{
		keys: ['text'], modes: ['contexts'], command: 'command-type', description: 'type ctx NAME, NAME or all, then Enter (k9s :ctx); as a first key j k g G q move or quit',
	},
	{
		keys: ['backspace', 'delete'], modes: ['contexts'], command: 'command-backspace', description: 'delete the last character of the command',
	},
	{
		keys: ['escape'], modes: ['detail', 'help', 'events', ...pickers], command: 'back', description: 'back to the job list', hint: {text: 'back'},
	},
	{
		keys: ['q', 'ctrl+c'], modes: everywhereButFilter, command: 'quit', description: 'quit', hint: {text: 'quit'},
	},
	{
		keys: ['ctrl+c'], modes: ['filter', 'confirm'], command: 'quit', description: 'quit',
	},
];

export {keyId, type KeyFlags} from './key-input.js';

export type KeyContext = {
	readonly databases: boolean;
	/** Several contexts are watched: the context picker is offered. */
	readonly contexts?: boolean;
	/** Whether commit/abort can be sent; undefined counts as available (tests, and the keys table). */
	readonly jobActions?: ActionsAvailability;
	/** The context picker's command line holds text: every printable key types (`j` in `ctx staging-j`), none moves. */
	readonly typing?: boolean;
};

/** Whether a binding is offered at all with this server (the help overlay lists exactly these). */
export const isOffered = (binding: Binding, context: KeyContext): boolean =>
	(context.databases || !binding.needsDatabases) && (context.contexts === true || !binding.needsContexts) && (context.jobActions !== 'unsupported' || !binding.changesServer);

export const bindingsFor = (mode: Mode, context: KeyContext): readonly Binding[] =>
	bindings.filter(binding => binding.modes.includes(mode) && isOffered(binding, context));

/** The command a key means in `mode`, or undefined when it means nothing there. */
export const resolveKey = (mode: Mode, input: string, key: KeyFlags, context?: KeyContext): Command | undefined => {
	const id = keyId(input, key);
	const candidates = bindingsFor(mode, context ?? {databases: true});
	const typing = context?.typing === true && !key.ctrl && isText(input) ? candidates.find(binding => binding.keys.includes('text')) : undefined;
	if (typing) {
		return typing.command;
	}

	const exact = candidates.find(binding => binding.keys.includes(id));
	if (exact) {
		return exact.command;
	}

	if (!key.ctrl && isText(input)) {
		const typed = candidates.find(binding => binding.keys.includes('text'));
		if (typed) {
			return typed.command;
		}
	}

	// `any`: every other key (the [y/N] prompt: anything but y says no).
	return candidates.find(binding => binding.keys.includes('any'))?.command;
};
