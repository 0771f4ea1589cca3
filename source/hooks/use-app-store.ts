import {useCallback} from 'react';
import type {Action} from '../model/store/actions.js';
import {sameScope} from '../model/store/reduce-poll.js';
import {firstScope} from '../model/store/first-scope.js';
import {reducer} from '../model/store/reducer.js';
import {initialState, type AppState} from '../model/store/state.js';
import type {Config} from '../config/config.js';
import {isUnseenPoll} from '../render/unseen-poll.js';
import type {Clock} from './use-clock.js';
import {useQuietReducer, type QuietReducer} from './use-quiet-reducer.js';

export type FirstList = Extract<Action, {readonly type: 'poll-ok'}>;

const init = (config: Config, firstList: FirstList | undefined, contexts: readonly string[] | undefined): AppState => {
	const scope = firstScope(config);
	const state = initialState({
		scope,
		intervalMs: config.intervalMs,
		filter: {text: config.initialFilter, states: config.initialStates},
		sort: config.initialSort,
		stallAfterMs: config.stallAfterMs,
		contexts,
	});
	return firstList !== undefined && sameScope(firstList.scope, scope) ? reducer(state, firstList) : state;
};

/**
The one store: the reducer, started from the config (and the first list when it arrived before the
screen mounted, for the same scope). A poll that changes nothing on screen is not rendered, except in
wait mode, which counts every poll.
*/
export function useAppStore(config: Config, firstList: FirstList | undefined, clock: Clock, how: {readonly isWaiting: boolean; readonly contexts?: readonly string[]}): QuietReducer<AppState, Action> {
	const {isWaiting, contexts} = how;
	const isUnseen = useCallback((shown: AppState, next: AppState, previous: AppState) =>
		!isWaiting && isUnseenPoll(shown, next, previous, clock.current()), [isWaiting, clock]);
	return useQuietReducer(reducer, () => init(config, firstList, contexts), isUnseen);
}
