import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { CommuneProgress } from '../../shared/targets';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** Per commune: the per-commune targets it meets against all of them, as stacked bars that follow the container's size. */
export default function CommuneProgressChart({ rows }: { rows: CommuneProgress[] }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption(optionOf(rows));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [rows]);
  const summary = rows.map((r) => `${r.name}: ${r.achieved}/${r.total}`).join('; ');
  return <div ref={container} role="img" aria-label={`Tiến độ mục tiêu theo xã. ${summary}`} style={{ width: '100%', height: Math.max(260, 40 + rows.length * 34) }} />;
}

function optionOf(rows: CommuneProgress[]): echarts.EChartsCoreOption {
  // Horizontal bars keep long commune names readable.
  const names = rows.map((r) => r.name).reverse();
  const achieved = rows.map((r) => r.achieved).reverse();
  const remaining = rows.map((r) => Math.max(0, r.total - r.achieved)).reverse();
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['Đã đạt', 'Chưa đạt'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = params as { name: string; dataIndex: number }[];
        const i = list[0]?.dataIndex ?? 0;
        return `${list[0]?.name ?? ''}<br/>Đạt ${achieved[i]}/${(achieved[i] ?? 0) + (remaining[i] ?? 0)} mục tiêu`;
      },
    },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      { name: 'Đã đạt', type: 'bar', stack: 'total', data: achieved, itemStyle: { color: '#389e0d' }, label: { show: true, position: 'inside' } },
      { name: 'Chưa đạt', type: 'bar', stack: 'total', data: remaining, itemStyle: { color: '#d9d9d9' } },
    ],
  };
}
