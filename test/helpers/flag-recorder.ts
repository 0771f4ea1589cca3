/** A stand-in for `v8.setFlagsFromString` that records the flags it is given, in order. */
export const flagRecorder = (): {readonly flags: string[]; set(flag: string): void} => {
	const flags: string[] = [];
	return {
		flags,
		set(flag: string) {
			flags.push(flag);
		},
	};
};
