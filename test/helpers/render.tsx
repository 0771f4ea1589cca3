import type {ReactNode} from 'react';
import {render} from 'ink-testing-library';
import {ThemeContext} from '../../source/components/theme-context.js';
import {makeTheme, type ThemeOptions} from '../../source/render/theme.js';

/** Renders with a theme (colour off, Unicode by default) and returns the frame text. */
export const renderFrame = (node: ReactNode, options: Partial<ThemeOptions> = {}): string => {
	const theme = makeTheme({color: false, ascii: false, ...options});
	const {lastFrame, unmount} = render(<ThemeContext.Provider value={theme}>{node}</ThemeContext.Provider>);
	const frame = lastFrame() ?? '';
	unmount();
	return frame;
};
