/*
 * The pane follows Office's theme: Office.context.officeTheme (isDarkTheme: Black or Dark Gray; the body colour
 * for the rest, as Microsoft's "Use Office UI / theme" guidance reads it) picks Fluent's web light or dark theme,
 * and Windows' forced-colours (high-contrast) mode picks Fluent's high-contrast theme, whose tokens map to system
 * colours, so that nothing is drawn in a colour the person's contrast theme overrides badly.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type PaneThemeName = 'light' | 'dark' | 'contrast';

/** What the pane reads of Office.OfficeTheme. */
export interface OfficeThemeLike {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance of `#RRGGBB` (WCAG), or null for anything else. */
function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? '');
  if (!m) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Which Fluent theme fits Office's theme and the forced-colours mode. */
export function paneThemeName(office: OfficeThemeLike | undefined, forcedColors: boolean): PaneThemeName {
  if (forcedColors) return 'contrast';
  if (office?.isDarkTheme === true) return 'dark';
  const l = luminance(office?.bodyBackgroundColor);
  return l !== null && l < 0.2 ? 'dark' : 'light';
}

export const PANE_THEMES: Readonly<Record<PaneThemeName, Theme>> = { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme };

/** Office's theme where the pane runs in Office (undefined in the workbench and in tests). */
export function officeTheme(): OfficeThemeLike | undefined {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.officeTheme as OfficeThemeLike | undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the browser is in forced-colours mode now. */
export function forcedColors(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
}
