import {createContext, useContext, useSyncExternalStore} from 'react';

/**
The ticking clock the screen's ages are read from. It ticks once a second (aligned to the second) while
anything listens, and its time only moves at a tick, so every reader sees the same time between ticks.
*/
export type Clock = {
	/** The time of the last tick (epoch ms). */
	readonly current: () => number;
	readonly subscribe: (listener: () => void) => () => void;
};

export const createClock = (now: () => number): Clock => {
	const listeners = new Set<() => void>();
	let time = now();
	let timer: NodeJS.Timeout | undefined;
	const schedule = () => {
		timer = setTimeout(tick, 1000 - (time % 1000));
	};

	const tick = () => {
		time = now();
		for (const listener of listeners) {
			listener();
		}

		schedule();
	};

	return {
		current: () => time,
		subscribe(listener) {
			listeners.add(listener);
			if (timer === undefined) {
				time = now();
				schedule();
			}

			return () => {
				listeners.delete(listener);
				if (listeners.size === 0) {
					clearTimeout(timer);
					timer = undefined;
				}
			};
		},
	};
};

export const ClockContext = createContext<Clock | undefined>(undefined);

let wallClock: Clock | undefined;

/**
A text that depends on the time, as `text(now)` gives it at the clock's last tick. Through
useSyncExternalStore: at a tick React re-renders only the components whose text changed, and commits
nothing at all (so Ink draws no frame) when none did. Outside a ClockContext, the wall clock.
*/
export const useClockText = (text: (now: number) => string): string => {
	const clock = useContext(ClockContext) ?? (wallClock ??= createClock(Date.now));
	return useSyncExternalStore(clock.subscribe, () => text(clock.current()));
};
