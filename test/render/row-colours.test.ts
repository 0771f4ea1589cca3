import {expect, test} from 'vitest';
import {layoutColumns} from '../../source/render/columns.js';
import type {JobRowData} from '../../source/render/row-texts.js';
import {rowSegments} from '../../source/render/row-colours.js';
import {makeTheme} from '../../source/render/theme.js';

const row: JobRowData = {
	jobId: '454891732197474512', collectionName: 'books', state: 'Completed', progress: 100, hint: '', inState: '2h03m', reason: '', changed: false, gone: undefined,
};
const columns = layoutColumns(120, {jobId: 18, collection: 5});
const color = makeTheme({color: true, ascii: false});
const text = (segments: ReturnType<typeof rowSegments>) => segments.map(segment => segment.text).join('');

test('the same text as the cells padded to their widths, with the trailing blanks dropped', () => {
	const segments = rowSegments(row, columns, false, color);
	expect(text(segments)).toMatch(/^ {2}✓ Completed +454891732197474512 books +█+ 100% +2h03m$/v);
	expect(text(rowSegments(row, columns, false, makeTheme({color: false, ascii: false})))).toBe(text(segments));
});

test('neighbours of one colour are one run, blanks carry no colour, and without colour the row is one run', () => {
	const segments = rowSegments(row, columns, false, color);
	for (const [index, segment] of segments.entries()) {
		expect(segment.color === undefined || segment.text.trim() !== '').toBe(true);
		expect(index === 0 || segments[index - 1]!.color !== segment.color).toBe(true);
	}

	expect(rowSegments(row, columns, false, makeTheme({color: false, ascii: true}))).toHaveLength(1);
});

test('the selected row keeps its full width and is one uniform highlight: no colour of its own under the inverse', () => {
	const segments = rowSegments(row, columns, true, color);
	expect(text(segments)).toHaveLength(2 + columns.reduce((sum, column) => sum + column.width + 1, 0) - 1);
	expect(segments).toHaveLength(1);
	expect(segments[0]?.color).toBeUndefined();
	expect(rowSegments(row, columns, false, color).some(segment => segment.color !== undefined)).toBe(true);
});
