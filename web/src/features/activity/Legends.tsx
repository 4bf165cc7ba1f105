import { useTranslation } from 'react-i18next';
import type { StakeholderGroup, TieKind } from '@relab/shared';
import { GROUP_COLORS, TIE_LINE_STYLES } from './network.js';

/** A short line in the style of a tie kind (solid, dashed, dotted), as drawn in the network and the chart. */
export function LineSample({ kind, width = 36 }: { kind: TieKind; width?: number }) {
  const style = TIE_LINE_STYLES[kind];
  return (
    <svg className="line-sample" width={width} height="10" viewBox={`0 0 ${width} 10`} aria-hidden="true" focusable="false">
      <line x1="1" y1="5" x2={width - 1} y2="5" stroke={style.color} strokeWidth="3" strokeDasharray={style.dasharray ?? undefined} />
    </svg>
  );
}

export function GroupSwatch({ group }: { group: StakeholderGroup }) {
  return <span className="group-swatch" style={{ background: GROUP_COLORS[group] }} aria-hidden="true" />;
}

export function GroupLegend({ groups }: { groups: readonly StakeholderGroup[] }) {
  const { t } = useTranslation();
  return (
    <div className="activity-legend">
      <h3 className="activity-legend-title" id="legend-groups-title">
        {t('activity.network.legendGroups')}
      </h3>
      <ul aria-labelledby="legend-groups-title" data-testid="activity-legend-groups">
        {groups.map((g) => (
          <li key={g}>
            <GroupSwatch group={g} />
            {t(`activity.groups.${g}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function KindLegend({ kinds }: { kinds: readonly TieKind[] }) {
  const { t } = useTranslation();
  return (
    <div className="activity-legend">
      <h3 className="activity-legend-title" id="legend-kinds-title">
        {t('activity.network.legendKinds')}
      </h3>
      <ul aria-labelledby="legend-kinds-title" data-testid="activity-legend-kinds">
        {kinds.map((k) => (
          <li key={k}>
            <LineSample kind={k} />
            <span>
              {t(`activity.kinds.${k}`)} <span className="muted">({t(`activity.kindHints.${k}`)})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
