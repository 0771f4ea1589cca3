import type {Action} from './actions.js';
import type {AppState} from './state.js';

/** The one reducer (work in progress: the shape of AppState is stable, the transitions are coming). */
export function reducer(state: AppState, _action: Action): AppState {
	return state;
}
