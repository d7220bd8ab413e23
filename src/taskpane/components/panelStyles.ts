import { tokens, type GriffelStyle } from '@fluentui/react-components';

/** A panel of the pane (settings, the column map): a bordered card whose parts stack. */
export const PANEL: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalS,
  padding: tokens.spacingHorizontalM,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  backgroundColor: tokens.colorNeutralBackground1,
};

/** A panel's heading. */
export const PANEL_TITLE: GriffelStyle = { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold };
