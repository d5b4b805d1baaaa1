// ECharts (from the WebJar) behind a few helpers. Every chart is an image with a text alternative (aria-label)
// and has a data table next to it.
import { h } from './dom.js';

const live = new Set();
let mapRegistered = null;

export const COLOURS = ['#a4161a', '#1d4e89', '#2e7d32', '#b45f06', '#6a1b9a', '#00695c', '#5d4037'];
export const SEQUENTIAL = ['#fff3e0', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000'];
const TEXT = '#1b1b1b';
const GRID_LINE = '#d0d0d0';

function echarts() {
  if (!window.echarts) {
    throw new Error('ECharts is not loaded');
  }
  return window.echarts;
}

/** A chart container; `label` describes the data for screen readers. */
export function chartBox(label, className = 'chart') {
  return h('div', { class: className, role: 'img', 'aria-label': label });
}

export function draw(container, option) {
  const chart = echarts().init(container, null, { renderer: 'svg' });
  chart.setOption({
    textStyle: { fontFamily: 'inherit', color: TEXT, fontSize: fontSize() },
    color: COLOURS,
    animation: false,
    aria: { enabled: false },
    ...option,
  });
  live.add(chart);
  return chart;
}

function fontSize() {
  return document.documentElement.classList.contains('projector') ? 16 : 12;
}

export function disposeAll() {
  for (const chart of live) {
    chart.dispose();
  }
  live.clear();
}

export function resizeAll() {
  for (const chart of live) {
    if (!chart.isDisposed()) {
      chart.resize();
    }
  }
}

window.addEventListener('resize', resizeAll);

export function axisStyle() {
  return {
    axisLine: { lineStyle: { color: '#6b6b6b' } },
    axisLabel: { color: TEXT, fontSize: fontSize() },
    splitLine: { lineStyle: { color: GRID_LINE } },
  };
}

/** A small line of one indicator over the years, the selected year marked. */
export function trendLine(container, years, values, { selectedYear, format }) {
  return draw(container, {
    grid: { left: 8, right: 8, top: 12, bottom: 22, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: format },
    xAxis: { type: 'category', data: years.map(String), ...axisStyle(), splitLine: { show: false } },
    yAxis: { type: 'value', ...axisStyle(), axisLabel: { ...axisStyle().axisLabel, formatter: format }, splitNumber: 2 },
    series: [{
      type: 'line',
      data: values.map((value, index) => ({
        value,
        symbolSize: years[index] === selectedYear ? 10 : 5,
        itemStyle: years[index] === selectedYear ? { color: COLOURS[0] } : { color: COLOURS[1] },
      })),
      lineStyle: { color: COLOURS[1], width: 2 },
      connectNulls: false,
    }],
  });
}

/** Stacked columns per year, one series per category. */
export function stackedColumns(container, years, series, { format }) {
  return draw(container, {
    grid: { left: 8, right: 8, top: 36, bottom: 22, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: format },
    legend: { top: 0, textStyle: { color: TEXT, fontSize: fontSize() }, itemWidth: 12, itemHeight: 10 },
    xAxis: { type: 'category', data: years.map(String), ...axisStyle(), splitLine: { show: false } },
    yAxis: { type: 'value', ...axisStyle(), axisLabel: { ...axisStyle().axisLabel, formatter: format }, splitNumber: 3 },
    series: series.map((entry) => ({ type: 'bar', stack: 'total', name: entry.name, data: entry.values })),
  });
}

/** Horizontal bars (a ranking), clickable when onClick is given; the height grows with the number of bars. */
export function rankingBars(container, rows, { format, onClick, colour = COLOURS[1] }) {
  container.style.height = `${Math.max(160, rows.length * 22 + 48)}px`;
  const ordered = [...rows].reverse();
  const chart = draw(container, {
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item', formatter: (params) => `${params.name}: ${format(params.value)}` },
    xAxis: { type: 'value', ...axisStyle(), axisLabel: { ...axisStyle().axisLabel, formatter: format } },
    yAxis: { type: 'category', data: ordered.map((row) => row.label), ...axisStyle(), splitLine: { show: false } },
    series: [{
      type: 'bar',
      data: ordered.map((row) => ({ value: row.value, id: row.id })),
      itemStyle: { color: colour },
      label: { show: true, position: 'right', formatter: (params) => format(params.value), color: TEXT },
      cursor: onClick ? 'pointer' : 'default',
    }],
  });
  if (onClick) {
    chart.on('click', (params) => onClick(params.data.id));
  }
  return chart;
}

async function provincesMap() {
  if (!mapRegistered) {
    mapRegistered = fetch('assets/geo/vn-provinces.geojson').then((response) => response.json()).then((geoJson) => {
      echarts().registerMap('vn-provinces', geoJson);
      return geoJson;
    });
  }
  return mapRegistered;
}

/**
 * The 34 provinces coloured by `rows` ({code, label, value}); provinces without a value are grey.
 * `legend` = {min, max, format, textLow, textHigh}.
 */
export async function provinceMap(container, rows, { format, legendTitle, onClick }) {
  await provincesMap();
  const values = rows.map((row) => row.value).filter((value) => value !== null && Number.isFinite(value));
  const max = values.length ? Math.max(...values) : 1;
  const min = values.length ? Math.min(...values, 0) : 0;
  const chart = draw(container, {
    tooltip: {
      trigger: 'item',
      formatter: (params) => `${params.data?.label ?? params.name}: ${params.data ? format(params.data.value) : '—'}`,
    },
    visualMap: {
      type: 'continuous',
      min,
      max: max === min ? min + 1 : max,
      left: 8,
      bottom: 8,
      calculable: false,
      realtime: false,
      text: [format(max), format(min)],
      textStyle: { color: TEXT, fontSize: fontSize() },
      inRange: { color: SEQUENTIAL },
      outOfRange: { color: '#bdbdbd' },
      itemHeight: 120,
    },
    title: { text: legendTitle, left: 8, bottom: 170, textStyle: { fontSize: fontSize(), fontWeight: 'normal', color: TEXT } },
    series: [{
      type: 'map',
      map: 'vn-provinces',
      nameProperty: 'code',
      roam: false,
      layoutCenter: ['55%', '50%'],
      layoutSize: '100%',
      itemStyle: { borderColor: '#5a5a5a', borderWidth: 0.6, areaColor: '#e0e0e0' },
      emphasis: { label: { show: true, color: TEXT }, itemStyle: { areaColor: '#ffd54f' } },
      select: { disabled: true },
      label: { show: false },
      data: rows.map((row) => ({ name: row.code, value: row.value, label: row.label, unitId: row.unitId ?? row.id })),
    }],
  });
  if (onClick) {
    chart.on('click', (params) => {
      if (params.data?.unitId) {
        onClick(params.data.unitId);
      }
    });
  }
  return chart;
}
