import {useClockText} from '../hooks/use-clock.js';
import {isFresh} from '../render/header-age.js';
import {Header, type HeaderProps} from './header.js';

export type LiveHeaderProps = Omit<HeaderProps, 'lastOkAgeMs' | 'retryInMs' | 'summary'> & {
	/** The last good poll; undefined before the first. Read at each tick: it can be newer than the rest of the props. */
	readonly lastOkAt: () => number | undefined;
	/** When the next try is due, while failing. */
	readonly retryAt: number | undefined;
	/** Line 3 at a time (it may say how long ago the last error was). */
	readonly summary: (now: number) => string;
};

/** Whole seconds: what the header's ages show at most. */
const seconds = (ms: number): number => Math.max(0, Math.floor(ms / 1000)) * 1000;

/**
The header, its ages read from the ticking clock. The clock's snapshot is the ages as shown (fresh ages
all read as one), so a tick that changes nothing the header says re-renders nothing.
*/
export function LiveHeader({lastOkAt: lastOkAtNow, retryAt, summary, ...props}: LiveHeaderProps) {
	const failing = props.error !== undefined;
	const key = useClockText(now => {
		const lastOkAt = lastOkAtNow();
		const age = lastOkAt === undefined ? '' : String(!failing && isFresh(now - lastOkAt, props.intervalMs) ? 0 : seconds(now - lastOkAt));
		const retry = retryAt === undefined ? '' : String(seconds(retryAt - now));
		return `${age}\u0000${retry}\u0000${summary(now)}`;
	});
	const [age = '', retry = '', line = ''] = key.split('\u0000');
	return <Header {...props} lastOkAgeMs={age === '' ? undefined : Number(age)} retryInMs={retry === '' ? undefined : Number(retry)} summary={line}/>;
}
