import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { TIE_KINDS, type Dashboard } from '@relab/shared';
import { CHART_MEASURES, bucketLabel, chartSeries, type ChartMeasure } from './dashboard.js';
import { Figure } from './Figure.js';
import { TIE_LINE_STYLES } from './network.js';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

const POINT_STYLES = { bonding: 'circle', bridging: 'rect', linking: 'triangle' } as const;
const dashOf = (dasharray: string | null) => (dasharray ? dasharray.split(' ').map(Number) : []);

/**
 * The three tie kinds over time (weekly or monthly), as a line chart with the network's line styles; the same data
 * as a table under it, for keyboard and screen-reader users (built when opened: two years of weeks are some 600
 * cells). Memoised, chart data included: the dashboard re-renders as the network and the brokers arrive, and the
 * chart must not be rebuilt and redrawn each time.
 */
export const TrendChart = memo(function TrendChart({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const [measure, setMeasure] = useState<ChartMeasure>('share');
  const [tableOpen, setTableOpen] = useState(false);
  const buckets = useMemo(() => [...dashboard.series].sort((a, b) => a.start.localeCompare(b.start)), [dashboard.series]);
  const k = dashboard.kAnonymity;
  const data = useMemo(() => chartData(dashboard, measure, i18n.language, t), [dashboard, measure, i18n.language, t]);
  const options = useMemo(() => chartOptions(measure, k, t), [measure, k, t]);

  return (
    <section aria-labelledby="activity-chart-title" className="activity-section">
      <h2 id="activity-chart-title">{t('activity.chart.title')}</h2>
      <div className="field activity-measure">
        <label htmlFor="activity-measure">{t('activity.chart.measure')}</label>
        <select id="activity-measure" data-testid="activity-measure" value={measure} onChange={(e) => setMeasure(e.target.value as ChartMeasure)}>
          {CHART_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`activity.chart.measures.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {buckets.length === 0 ? (
        <p className="muted">{t('activity.chart.empty')}</p>
      ) : (
        <>
          <div className="activity-chart" data-testid="activity-chart">
            <Line data={data} options={options} role="img" aria-label={t('activity.chart.label')} fallbackContent={<p>{t('activity.chart.label')}</p>} />
          </div>
          <details className="activity-table-details" open={tableOpen} onToggle={(e) => setTableOpen(e.currentTarget.open)}>
            <summary>{t('activity.chart.showTable')}</summary>
            {tableOpen ? (
              <table className="stack-table" data-testid="activity-series-table">
                <caption className="visually-hidden">{t('activity.chart.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('activity.chart.periodStart')}</th>
                    {TIE_KINDS.map((kind) => (
                      <th scope="col" key={kind}>
                        {t(`activity.kinds.${kind}`)}: {t('activity.totals.ties')} / {t('activity.totals.weight')}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {buckets.map((b) => (
                    <tr key={b.start}>
                      <th scope="row">{bucketLabel(b.start, dashboard.bucket, i18n.language)}</th>
                      {TIE_KINDS.map((kind) => (
                        <td key={kind} data-label={t(`activity.kinds.${kind}`)}>
                          <Figure value={b.kinds[kind].ties} format="count" k={k} /> / <Figure value={b.kinds[kind].share} format="share" k={k} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </details>
        </>
      )}
    </section>
  );
});

type Translate = TFunction;

function chartData(dashboard: Dashboard, measure: ChartMeasure, language: string, t: Translate): ChartData<'line', (number | null)[], string> {
  const series = chartSeries(dashboard, measure);
  return {
    labels: series.starts.map((s) => bucketLabel(s, dashboard.bucket, language)),
    datasets: TIE_KINDS.map((kind) => ({
      label: t(`activity.kinds.${kind}`),
      data: series.values[kind],
      borderColor: TIE_LINE_STYLES[kind].color,
      backgroundColor: TIE_LINE_STYLES[kind].color,
      borderDash: dashOf(TIE_LINE_STYLES[kind].dasharray),
      borderWidth: 2.5,
      pointStyle: POINT_STYLES[kind],
      pointRadius: 4,
      spanGaps: false,
    })),
  };
}

function chartOptions(measure: ChartMeasure, k: number, t: Translate): ChartOptions<'line'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom', labels: { usePointStyle: true } },
      tooltip: {
        callbacks: {
          label: (item) => `${item.dataset.label ?? ''}: ${item.raw === null ? t('activity.suppressed', { k }) : `${String(item.raw)}${measure === 'share' ? ' %' : ''}`}`,
        },
      },
    },
    scales: {
      y: measure === 'share' ? { min: 0, max: 100, ticks: { callback: (v) => `${v} %` } } : { beginAtZero: true, ticks: { precision: 0 } },
    },
  };
}
