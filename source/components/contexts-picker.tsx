import type {HubStatus} from '../api/contexts-hub.js';
import {useClockText} from '../hooks/use-clock.js';
import {contextRows} from '../render/context-rows.js';
import {Picker} from './picker.js';

export type ContextsPickerProps = {
	/** Read at every clock tick: the counts of contexts not shown change without a poll of the screen's. */
	readonly statuses: () => readonly HubStatus[];
	readonly highlighted: number;
	/** The context shown now; undefined: all. */
	readonly current: string | undefined;
	readonly width: number;
	readonly height: number;
	/** The command line as typed so far (model/keys/context-command.ts). */
	readonly command?: string;
};

/** The `:` picker: "all contexts", then each context with its state, counts and progress (render/context-rows.ts). */
/** The command line's line: what is typed, or how to use it. */
export const commandPrompt = (command: string): string => command === '' ? ':  type ctx NAME, NAME or all, then Enter' : `:${command}_`;

export function ContextsPicker({
	statuses, highlighted, current, width, height, command = '',
}: ContextsPickerProps) {
	const text = useClockText(at => contextRows(statuses(), at).join('\n'));
	const rows = text.split('\n');
	const names = statuses().map(status => status.name);
	const index = current === undefined ? 0 : names.indexOf(current) + 1;
	return (
		<Picker
			title='Contexts' items={rows} isLoading={false}
			error={undefined}
			highlighted={highlighted} current={rows[Math.max(0, index)]} width={width}
			height={height} prompt={commandPrompt(command)}/>
	);
}
