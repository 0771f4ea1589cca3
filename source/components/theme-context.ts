import {createContext, useContext} from 'react';
import {makeTheme, type Theme} from '../render/theme.js';

/** The theme reaches every component through context, so props stay about data. */
export const ThemeContext = createContext<Theme>(makeTheme({color: true, ascii: false}));

export const useTheme = (): Theme => useContext(ThemeContext);
