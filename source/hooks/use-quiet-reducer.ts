import {
	useCallback, useLayoutEffect, useRef, useState,
} from 'react';

export type QuietReducer<S, A> = {
	/** The state the screen shows. */
	readonly state: S;
	/** The state every action so far led to (keys are planned against it; it may be ahead of `state`). */
	readonly current: () => S;
	readonly dispatch: (action: A) => void;
};

/**
useReducer, except that a new state the screen would show exactly as the old one is kept without a
render: every React commit makes Ink lay out and redraw the whole frame (~15 ms for 120×45 cells), and a
poll that brings nothing new would otherwise cost that every interval. `isUnseen(shown, next, previous)`
decides (`previous`: the state before this action, which may be ahead of `shown`);
the next state that is seen carries everything since. Actions are reduced at once, in order, so a burst
of keys is planned against the state the previous keys led to.
*/
export function useQuietReducer<S, A>(reducer: (state: S, action: A) => S, init: () => S, isUnseen: (shown: S, next: S, previous: S) => boolean): QuietReducer<S, A> {
	const [shown, setShown] = useState(init);
	const store = useRef({current: shown, shown, isUnseen});
	useLayoutEffect(() => {
		store.current.isUnseen = isUnseen;
	}, [isUnseen]);
	const dispatch = useCallback((action: A) => {
		const box = store.current;
		const previous = box.current;
		const next = reducer(previous, action);
		box.current = next;
		if (next !== box.shown && !box.isUnseen(box.shown, next, previous)) {
			box.shown = next;
			setShown(next);
		}
	}, [reducer]);
	const current = useCallback(() => store.current.current, []);
	return {state: shown, current, dispatch};
}
