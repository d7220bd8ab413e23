/** Icon name → the PNG sizes scripts/render-icons.js produces in assets/icons/. */
export const ICONS: Record<string, number[]>;
