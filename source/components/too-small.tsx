import {Text} from 'ink';

export type TooSmallProps = {
	readonly columns: number;
	readonly rows: number;
	readonly minColumns: number;
	readonly minRows: number;
};

/** Instead of a broken frame: what is needed, and what there is. */
export function TooSmall({columns, rows, minColumns, minRows}: TooSmallProps) {
	return (
		<Text wrap='wrap'>
			{`terminal too small: need ${minColumns}×${minRows} (have ${columns}×${rows})`}
		</Text>
	);
}
