import { makeStyles, tokens } from '@fluentui/react-components';
import { PANEL, PANEL_TITLE } from '../panelStyles';

export const useSettingsPanelStyles = makeStyles({
  root: PANEL,
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  title: PANEL_TITLE,
  support: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});
