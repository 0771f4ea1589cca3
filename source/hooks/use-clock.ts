import {useEffect, useState} from 'react';

/**
The wall clock for what the screen says about time (ages, time in state). One setTimeout at a time,
aligned to the next whole second, so the frame changes at most once a second between polls.
*/
export const useClock = (now: () => number, enabled: boolean): number => {
	const [time, setTime] = useState(now);
	useEffect(() => {
		if (!enabled) {
			return;
		}

		let timer: NodeJS.Timeout | undefined;
		const tick = () => {
			const current = now();
			setTime(current);
			timer = setTimeout(tick, 1000 - (current % 1000));
		};

		timer = setTimeout(tick, 1000 - (now() % 1000));
		return () => {
			clearTimeout(timer);
		};
	}, [now, enabled]);
	return time;
};
