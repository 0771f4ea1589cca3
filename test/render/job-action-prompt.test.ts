import {describe, expect, test} from 'vitest';
import {confirmPrompt} from '../../source/render/job-action-prompt.js';

const id = '454891732197488005';

describe('the confirmation line', () => {
	test('names the job and the collection, says what happens, ends in [y/N]', () => {
		expect(confirmPrompt('abort', id, 'books', 120)).toBe(`Abort job ${id} of collection books? (it fails and its imported rows are dropped) [y/N]`);
		expect(confirmPrompt('commit', id, 'books', 120)).toBe(`Commit job ${id} of collection books? (its rows become visible) [y/N]`);
	});

	test.each([70, 64, 50, 40, 34, 30])('at %d columns it fits, keeps the id and [y/N]', width => {
		const line = confirmPrompt('abort', id, 'a_collection_with_a_rather_long_name', width);
		expect([...line].length).toBeLessThanOrEqual(Math.max(width, `Abort job ${id}? [y/N]`.length));
		expect(line).toContain(id);
		expect(line.endsWith(' [y/N]')).toBe(true);
	});

	test('a long collection name is shortened, not dropped, when there is room for some of it', () => {
		expect(confirmPrompt('commit', id, 'a_collection_with_a_rather_long_name', 50)).toBe(`Commit job ${id} of a_collect…? [y/N]`); // 50 columns exactly.
	});
});
