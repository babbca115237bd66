import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../store/ui-store';
import { SegmentedControl } from '../../ui/SegmentedControl';

/** "Red | Cronología": what the middle of the workspace shows. The people list and the panel stay. */
export function PaneSwitcher() {
  const { t } = useTranslation();
  const { pane, setPane } = useUiStore(useShallow((s) => ({ pane: s.workspacePane, setPane: s.setWorkspacePane })));
  return (
    <div className="pane-switcher">
      <SegmentedControl
        label={t('timeline.paneSwitch')}
        value={pane}
        onChange={setPane}
        segments={[
          { value: 'network', label: t('timeline.paneNetwork') },
          { value: 'timeline', label: t('timeline.paneTimeline') },
        ]}
      />
    </div>
  );
}
