// What draws the charts inside the HTML report: chart.js itself (its UMD
// build, read from node_modules and inlined so the file works offline)
// and a small script that turns the embedded chart data into charts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let chartJs: string | undefined;

/** chart.js's UMD build, safe to place inside a <script> element. */
export function chartJsSource(): string {
  if (chartJs === undefined) {
    // The package's exports name only its module builds; the UMD file sits beside them.
    const main = createRequire(import.meta.url).resolve('chart.js');
    chartJs = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8').replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  }
  return chartJs;
}

/**
 * Runs in the browser. Bars: one horizontal bar chart per domain, with the
 * authority's 95% interval drawn as whiskers. Lines: one trend chart per
 * domain and age band. Animation is off so charts are complete at once, and in print.
 */
export const CHART_SCRIPT = `(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('report-chart-data').textContent);
  var css = getComputedStyle(document.documentElement);
  function colour(name) { return css.getPropertyValue('--' + name).trim(); }
  Chart.defaults.animation = false;
  Chart.defaults.font.family = css.fontFamily;
  Chart.defaults.color = '#1b1b1b';
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx, x = chart.scales.x;
      chart.data.datasets.forEach(function (ds, d) {
        if (!ds.ci || !chart.isDatasetVisible(d)) return;
        chart.getDatasetMeta(d).data.forEach(function (bar, i) {
          var ci = ds.ci[i];
          if (!ci) return;
          var lo = x.getPixelForValue(ci[0]), hi = x.getPixelForValue(ci[1]), y = bar.y, cap = Math.max(3, bar.height / 3);
          ctx.save();
          ctx.strokeStyle = '#0b0c0c';
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(lo, y); ctx.lineTo(hi, y);
          ctx.moveTo(lo, y - cap); ctx.lineTo(lo, y + cap);
          ctx.moveTo(hi, y - cap); ctx.lineTo(hi, y + cap);
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };
  var palette = ['#1d70b8', '#f47738', '#00703c', '#912b88', '#d4351c', '#6f72af', '#28a197', '#b58840', '#5694ca', '#505a5f'];
  specs.forEach(function (spec) {
    var canvas = document.getElementById(spec.id);
    if (!canvas) return;
    if (spec.kind === 'bars') {
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map(function (ds) {
            return { label: ds.label, data: ds.data, ci: ds.ci, backgroundColor: colour(ds.colour), barPercentage: 0.9, categoryPercentage: 0.8 };
          })
        },
        options: {
          indexAxis: 'y', responsive: true, maintainAspectRatio: false,
          scales: { x: { min: 0, max: 100, title: { display: true, text: '% of children who answered' } }, y: { ticks: { autoSkip: false } } },
          plugins: { legend: { position: 'bottom' } }
        },
        plugins: [whiskers]
      });
    } else {
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: spec.periods,
          datasets: spec.series.map(function (s, i) {
            var c = palette[i % palette.length];
            return { label: s.label, data: s.data, borderColor: c, backgroundColor: c, pointStyle: ['circle', 'rect', 'triangle', 'rectRot'][s.style % 4], pointRadius: 4, borderDash: s.style % 3 === 1 ? [6, 3] : s.style % 3 === 2 ? [2, 2] : [], spanGaps: false };
          })
        },
        options: {
          responsive: true, maintainAspectRatio: false,
          scales: { y: { min: spec.min, max: 100, title: { display: true, text: '% who answered' } } },
          plugins: { title: { display: true, text: spec.title }, legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 10 } } }
        }
      });
    }
  });
  document.documentElement.setAttribute('data-charts', 'drawn');
})();`;
