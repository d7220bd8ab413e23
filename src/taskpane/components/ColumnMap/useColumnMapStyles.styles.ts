import { makeStyles, tokens } from '@fluentui/react-components';
import { PANEL, PANEL_TITLE } from '../panelStyles';

export const useColumnMapStyles = makeStyles({
  root: PANEL,
  title: PANEL_TITLE,
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  picks: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  pick: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});
