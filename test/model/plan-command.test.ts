import {describe, expect, test} from 'vitest';
import type {Command} from '../../source/model/keys/keymap.js';
import {planCommand, stepInterval, type Plan} from '../../source/model/keys/plan-command.js';
import type {AppState} from '../../source/model/store/state.js';
import {
	job, poll, run, start,
} from './make.js';

const context = {now: 5000, pageSize: 10};
// Two jobs in the list, the first selected.
const list = poll(start(), 1000, [job('1'), job('2', {state: 'Failed'})]);
const inMode = (mode: AppState['mode']): AppState => run(list, {type: 'set-mode', mode});
const filtered = run(list, {type: 'set-mode', mode: 'filter'}, {type: 'set-filter', text: 'bo'});
const onlyFailed = run(list, {type: 'set-states', states: ['Failed']});
const noSelection = poll(start(), 1000, []);
const waiting = poll(start(), 1000, [job('7', {state: 'Uncommitted', progress: 99})]);
const asking = run(waiting, {type: 'ask', confirm: {action: 'abort', jobId: '7', collectionName: 'books'}});
// The collection picker with two collections: its entries are "all", books, movies.
const picker = run(inMode('collections'), {type: 'collections-loaded', dbName: undefined, result: {ok: true, value: ['books', 'movies']}});

const plan = (actions: Plan['actions'], effects: Plan['effects'] = []): Plan => ({actions, effects});

type Row = readonly [name: string, command: Command, input: string, state: AppState, expected: Plan];

const rows: readonly Row[] = [
	['down in the list moves the selection', 'move-down', '', list, plan([{type: 'move', delta: 1}])],
	['up in the list', 'move-up', '', list, plan([{type: 'move', delta: -1}])],
	['page down moves a page', 'page-down', '', list, plan([{type: 'move', delta: 10}])],
	['page up', 'page-up', '', list, plan([{type: 'move', delta: -10}])],
	['home in the list', 'first', '', list, plan([{type: 'move-to', where: 'first'}])],
	['end in the list', 'last', '', list, plan([{type: 'move-to', where: 'last'}])],
	['down in the event log scrolls it', 'move-down', '', inMode('events'), plan([], [{type: 'scroll-events', to: 1}])],
	['end in the event log', 'last', '', inMode('events'), plan([], [{type: 'scroll-events', to: 'last'}])],
	['down in the help scrolls it', 'move-down', '', inMode('help'), plan([], [{type: 'scroll-help', to: 1}])],
	['down in the collection picker', 'move-down', '', inMode('collections'), plan([{type: 'picker-move', delta: 1}])],
	['home in a picker moves by its length', 'first', '', picker, plan([{type: 'picker-move', delta: -3}])],
	['/ opens the filter', 'filter', '', list, plan([{type: 'set-mode', mode: 'filter'}])],
	['typing appends to the filter', 'filter-type', 'ok', filtered, plan([{type: 'set-filter', text: 'book'}])],
	['backspace removes one character', 'filter-backspace', '', filtered, plan([{type: 'set-filter', text: 'b'}])],
	['Enter keeps the filter', 'filter-accept', '', filtered, plan([{type: 'set-mode', mode: 'list'}])],
	['Esc in the filter clears it', 'filter-cancel', '', filtered, plan([{type: 'set-filter', text: ''}, {type: 'set-mode', mode: 'list'}])],
	['clearing drops text and states', 'clear-filter', '', onlyFailed, plan([{type: 'set-filter', text: ''}, {type: 'set-states', states: []}])],
	['f shows failed jobs only', 'only-failed', '', list, plan([{type: 'set-states', states: ['Failed']}])],
	['f again shows every state', 'only-failed', '', onlyFailed, plan([{type: 'set-states', states: []}])],
	['a state toggle', 'toggle-completed', '', list, plan([{type: 'toggle-state', state: 'Completed'}])],
	['all states', 'all-states', '', onlyFailed, plan([{type: 'set-states', states: []}])],
	['c opens the picker and loads collections', 'collections', '', list, plan([{type: 'set-mode', mode: 'collections'}], [{type: 'load-collections'}])],
	['d opens the picker and loads databases', 'databases', '', list, plan([{type: 'set-mode', mode: 'databases'}], [{type: 'load-databases'}])],
	['Enter in the picker switches to the highlighted scope', 'pick', '', picker, plan([{type: 'set-scope', scope: {dbName: undefined, collectionName: undefined}}, {type: 'set-mode', mode: 'list'}])],
	['PgDn in the picker moves a page', 'page-down', '', picker, plan([{type: 'picker-move', delta: 10}])],
	['sort by the next column', 'sort-next', '', list, plan([{type: 'sort-next'}])],
	['reverse the sort', 'sort-reverse', '', list, plan([{type: 'sort-reverse'}])],
	['pause takes the time', 'pause', '', list, plan([{type: 'toggle-pause', at: 5000}])],
	['r polls now', 'refresh', '', list, plan([], [{type: 'refresh'}])],
	['+ slows down one step', 'interval-up', '', list, plan([{type: 'set-interval', ms: 5000}])],
	['- speeds up one step', 'interval-down', '', list, plan([{type: 'set-interval', ms: 1000}])],
	['y copies the id', 'copy-id', '', list, plan([], [{type: 'copy-id'}])],
	['e opens the event log', 'events', '', list, plan([{type: 'set-mode', mode: 'events'}])],
	['e again closes it', 'events', '', inMode('events'), plan([{type: 'set-mode', mode: 'list'}])],
	['? opens the help at its top', 'help', '', list, plan([{type: 'set-mode', mode: 'help'}], [{type: 'scroll-help', to: 'first'}])],
	['? again goes back where it came from', 'help', '', run(inMode('events'), {type: 'set-mode', mode: 'help'}), plan([{type: 'set-mode', mode: 'events'}])],
	['Enter opens the selected job', 'detail', '', list, plan([{type: 'set-mode', mode: 'detail'}])],
	['Enter with no job does nothing', 'detail', '', noSelection, plan([])],
	['Esc from the detail view', 'back', '', inMode('detail'), plan([{type: 'set-mode', mode: 'list'}])],
	['Esc from the help goes back where it came from', 'back', '', run(inMode('events'), {type: 'set-mode', mode: 'help'}), plan([{type: 'set-mode', mode: 'events'}])],
	['q quits', 'quit', 'q', list, plan([], [{type: 'quit', interrupted: false}])],
	['Ctrl-C quits as an interruption (exit 130)', 'quit', 'c', list, plan([], [{type: 'quit', interrupted: true}])],
	['C on a job that is not Uncommitted says why and asks nothing', 'commit', '', list, plan([{type: 'set-notice', text: 'only an Uncommitted job can be committed; this one is Importing'}])],
	['C on an Uncommitted job asks', 'commit', '', waiting, plan([{type: 'ask', confirm: {action: 'commit', jobId: '7', collectionName: 'books'}}])],
	['X on an Uncommitted job asks', 'abort', '', waiting, plan([{type: 'ask', confirm: {action: 'abort', jobId: '7', collectionName: 'books'}}])],
	['y at the prompt sends', 'confirm-yes', 'y', asking, plan([{type: 'answered'}], [{type: 'send-job-action', action: 'abort', jobId: '7'}])],
	['any other key at the prompt cancels', 'confirm-no', 'n', asking, plan([{type: 'answered'}, {type: 'set-notice', text: 'abort cancelled: nothing was sent'}])],
];

describe('planCommand: what each command does, by mode', () => {
	test.each(rows)('%s', (_name, command, input, state, expected) => {
		expect(planCommand(command, input, state, context)).toEqual(expected);
	});
});

describe('the prompt in the store', () => {
	test('asked from the detail view, answered back into it, the detail kept', () => {
		const detail = run(waiting, {type: 'set-mode', mode: 'detail'});
		const asked = run(detail, {type: 'ask', confirm: {action: 'commit', jobId: '7', collectionName: 'books'}});
		expect(asked).toMatchObject({mode: 'confirm', previousMode: 'detail', confirm: {jobId: '7'}});
		const answered = run(asked, {type: 'answered'});
		expect(answered).toMatchObject({mode: 'detail', confirm: undefined, detail: detail.detail});
		expect(run(answered, {type: 'answered'})).toBe(answered);
	});

	test('read-only and a server without the routes: the reason, never a prompt', () => {
		expect(planCommand('commit', '', waiting, {...context, jobActions: 'read-only'})).toEqual(plan([{type: 'set-notice', text: 'read-only: commit and abort are off (--read-only)'}]));
		expect(planCommand('abort', '', waiting, {...context, jobActions: 'unsupported'})).toEqual(plan([{type: 'set-notice', text: 'this server cannot commit or abort imports (Milvus 3.0+ only)'}]));
	});
});

test.each([
	[2000, 1, 5000], [2000, -1, 1000], [500, -1, 500], [300_000, 1, 300_000], [1500, 1, 2000], [1500, -1, 1000],
] as const)('stepInterval(%i, %i) = %i', (ms, direction, expected) => {
	expect(stepInterval(ms, direction)).toBe(expected);
});
