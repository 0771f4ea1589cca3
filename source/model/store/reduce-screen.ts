import type {Action} from './actions.js';
import type {AppState, ScreenState} from './state.js';

export type ScreenAction = Extract<Action, {type: 'set-notice' | 'set-command' | 'scroll' | 'reload'}>;

const scrolled = (offset: number, to: number | 'first' | 'last', max: number): number =>
	to === 'first' ? 0 : (to === 'last' ? max : Math.min(max, Math.max(0, offset + to)));

const withScreen = (state: AppState, screen: Partial<ScreenState>): AppState => {
	const same = Object.entries(screen).every(([key, value]) => Reflect.get(state.screen, key) === value);
	return same ? state : {...state, screen: {...state.screen, ...screen}};
};

/** What only the screen keeps: the one-line notice, the context picker's command line, the scroll offsets of the event log and the help, the reload counters of the pickers' lists. */
export function reduceScreen(state: AppState, action: ScreenAction): AppState {
	switch (action.type) {
		case 'set-notice': {
			return withScreen(state, {notice: action.text});
		}

		case 'set-command': {
			return withScreen(state, {command: state.mode === 'contexts' ? action.text : ''});
		}

		case 'scroll': {
			return action.pane === 'events'
				? withScreen(state, {eventsOffset: scrolled(state.screen.eventsOffset, action.to, action.max)})
				: withScreen(state, {helpOffset: scrolled(state.screen.helpOffset, action.to, action.max)});
		}

		case 'reload': {
			return action.list === 'collections'
				? withScreen(state, {collectionsKey: state.screen.collectionsKey + 1})
				: withScreen(state, {databasesKey: state.screen.databasesKey + 1});
		}
	}
}
