// Charts with uPlot, served from the API's jar (WebJar). A null value is a gap, never a zero.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';

import { h } from './dom.js';

export const COLORS = {
  max: '#d9480f',
  min: '#1971c2',
  precipitation: '#2f9e44',
  duration: '#6741d9',
  rows: '#0c8599',
  failed: '#c92a2a',
};

/** Every chart drawn, by id, so that tests (and curious people) can read what a chart plots. */
const drawn = {};
window.weatherConsole = { charts: drawn };

const AXIS = { stroke: '#495057', grid: { stroke: '#e9ecef' }, ticks: { stroke: '#dee2e6' } };

/**
 * A chart in a figure with a caption: x values, then series of { label, values, color, scale, format, points,
 * bars, line (false: points only) }; axes of { scale, label, side } name their unit. Redrawn to the figure's width.
 */
export function chart(id, caption, x, series, options) {
  const figure = h('figure', { class: 'chart', id },
    h('figcaption', {}, caption));
  const plotHolder = h('div', { class: 'plot', role: 'img', 'aria-label': `${caption}: ${options.summary}` });
  figure.append(plotHolder);
  const opts = {
    // dates are days, not instants: shown as they are, whatever the reader's time zone
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    width: 600,
    height: options.height || 260,
    scales: { x: { time: false }, ...options.scales },
    legend: { live: true },
    cursor: { points: { size: 7 } },
    series: [
      { label: options.xLabel, value: (u, value) => (value === null ? '' : options.xFormat(value)) },
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        fill: s.bars ? `${s.color}55` : undefined,
        width: s.bars ? 1 : 2,
        scale: s.scale,
        spanGaps: false,
        points: { show: s.points !== false, size: s.line === false ? 9 : 5, fill: s.color },
        paths: s.bars ? uPlot.paths.bars({ size: [0.8, 12] }) : s.line === false ? () => null : undefined,
        value: (u, value, seriesIndex, index) => (index === null || index === undefined ? ''
          : s.format(value, index)),
      })),
    ],
    axes: [
      { ...AXIS, label: options.xLabel,
        ...(options.xTick ? { values: (u, ticks) => ticks.map((t) => options.xTick(t)) } : {}),
        ...(options.xIncrs ? { incrs: options.xIncrs } : {}) },
      ...options.axes.map((axis) => ({
        ...AXIS,
        scale: axis.scale,
        label: axis.label,
        side: axis.side === 'right' ? 1 : 3,
        grid: axis.side === 'right' ? { show: false } : AXIS.grid,
        size: 60,
      })),
    ],
  };
  const data = [x, ...series.map((s) => s.values)];
  const plot = new uPlot(opts, data, plotHolder);
  drawn[id] = plot;
  const resize = () => {
    const width = Math.max(280, plotHolder.clientWidth);
    if (width !== plot.width) {
      plot.setSize({ width, height: opts.height });
    }
  };
  new ResizeObserver(resize).observe(plotHolder);
  requestAnimationFrame(resize);
  return figure;
}

/** A time axis of days; uPlot places and names the ticks (months, then days as one zooms). */
export const DAYS = { time: true };

/** Integer ticks only (years, execution ids). */
export function integerTick(format = (t) => String(t)) {
  return (t) => (Number.isInteger(t) ? format(t) : '');
}
