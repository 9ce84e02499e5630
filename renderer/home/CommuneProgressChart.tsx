import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { CommuneProgress } from '../../shared/targets';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

const SERIES = [
  { key: 'achieved', name: 'Đạt', color: '#389e0d' },
  { key: 'onTrack', name: 'Đúng tiến độ', color: '#1677ff' },
  { key: 'behind', name: 'Chậm hoặc không đạt', color: '#cf1322' },
  { key: 'noData', name: 'Chưa có số liệu', color: '#d9d9d9' },
] as const;

/**
 * Per commune: its per-commune targets, each judged against the commune's own
 * value, stacked by standing; the stacks add up to the total the label names.
 */
export default function CommuneProgressChart({ rows }: { rows: CommuneProgress[] }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption(optionOf(rows, describe(rows)));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [rows]);
  return <div ref={container} role="img" aria-label={describe(rows)} style={{ width: '100%', height: Math.max(260, 40 + rows.length * 34) }} />;
}

/** The chart in words; ECharts writes its own (English) description over the container's label unless given this one. */
const describe = (rows: CommuneProgress[]) => `Tiến độ mục tiêu theo xã. ${rows.map((r) => `${r.name}: đạt ${r.achieved}/${r.total} mục tiêu`).join('; ')}`;

function optionOf(rows: CommuneProgress[], description: string): echarts.EChartsCoreOption {
  // Horizontal bars keep long commune names readable.
  const ordered = [...rows].reverse();
  return {
    aria: { enabled: true, label: { description } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: SERIES.map((s) => s.name) },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = ordered[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0];
        if (!row) return '';
        return [`${row.name}: đạt ${row.achieved}/${row.total} mục tiêu`, ...SERIES.slice(1).map((s) => `${s.name}: ${row[s.key]}/${row.total}`)].join('<br/>');
      },
    },
    xAxis: { type: 'value', minInterval: 1, max: Math.max(1, ...rows.map((r) => r.total)) },
    yAxis: { type: 'category', data: ordered.map((r) => `${r.name} (${r.achieved}/${r.total})`), axisLabel: { width: 180, overflow: 'truncate' } },
    series: SERIES.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'total',
      data: ordered.map((r) => r[s.key]),
      itemStyle: { color: s.color },
      label: { show: s.key !== 'noData', position: 'inside', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
    })),
  };
}
