import {useEffect, useRef} from 'react';
import {useStdout} from 'ink';

/** Rings the terminal bell when a job was seen failing since the last render (`--bell`). */
export function useBell(failuresSeen: number, enabled: boolean): void {
	const {stdout} = useStdout();
	const seen = useRef(failuresSeen);
	useEffect(() => {
		if (failuresSeen > seen.current && enabled) {
			stdout.write('\u0007');
		}

		seen.current = failuresSeen;
	}, [failuresSeen, enabled, stdout]);
}
