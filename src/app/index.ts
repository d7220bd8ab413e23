/*
 * The application layer every front end shares (the task pane, the ribbon commands, later a WPS host and a report
 * writer): what the person chose (settings and where they are kept), the words shown to them, and how a choice
 * becomes the core's check options. It knows the core and the host interface, never a host or a UI toolkit.
 */
export * from './settings';
export * from './storage';
export * from './i18n';
export type { ColumnMapText, MapRole } from './columnMapText';
export * from './support';
