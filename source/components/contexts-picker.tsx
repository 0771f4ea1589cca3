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
};

/** The `:` picker: "all contexts", then each context with its state, counts and progress (render/context-rows.ts). */
export function ContextsPicker({statuses, highlighted, current, width, height}: ContextsPickerProps) {
	const text = useClockText(at => contextRows(statuses(), at).join('\n'));
	const rows = text.split('\n');
	const names = statuses().map(status => status.name);
	const index = current === undefined ? 0 : names.indexOf(current) + 1;
	return (
		<Picker
			title='Contexts' items={rows} isLoading={false}
			error={undefined}
			highlighted={highlighted} current={rows[Math.max(0, index)]} width={width}
			height={height}/>
	);
}
