// The portal draws the downloaded report's own charts: the SVG made by
// reports/render/svg-charts.ts from the same figures, so a chart reads the
// same in the portal, the HTML report and Word (0-100 axes, rounds on a
// time axis, a colour per indicator, provisional rounds hollow). Every text
// in the markup is escaped where it is made, so it is set as HTML; each
// chart has a table with its figures beside it.
export function SvgChart({ svg, id }: { svg: string; id?: string }) {
  return <div class="chart" id={id} dangerouslySetInnerHTML={{ __html: svg }} />;
}
