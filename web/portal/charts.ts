// chart.js, registered once with only the parts the portal draws. Charts
// always sit beside a table with the same figures (the accessible form).
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, sans-serif';

export const COLOURS = { own: '#0b4f8a', other: '#8c5a00', line: '#b00020' };

/** A canvas drawn by chart.js from `config`, redrawn when `key` changes. */
export function useChart(config: () => ChartConfiguration, key: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, config());
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, key);
  return ref;
}
