import {createContext, useContext} from 'react';
import {type Theme, colorTheme} from '../theme.js';

export const ThemeContext = createContext<Theme>(colorTheme);

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
