import { createContext, useContext } from 'react';
import { colorTheme } from '../theme.js';
export const ThemeContext = createContext(colorTheme);
export function useTheme() {
    return useContext(ThemeContext);
}
