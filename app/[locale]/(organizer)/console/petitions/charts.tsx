type Bar = { label: string; value: number };

/** A bar chart as inline SVG (no script, no library); the table next to it carries the same data. */
export function BarChart({ bars, title, horizontal = false }: { bars: Bar[]; title: string; horizontal?: boolean }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (horizontal) {
    const rowHeight = 22;
    return (
      <svg role="img" aria-label={title} viewBox={`0 0 400 ${bars.length * rowHeight}`} width="100%" style={{ maxWidth: 640 }}>
        {bars.map((bar, i) => (
          <g key={bar.label} transform={`translate(0 ${i * rowHeight})`}>
            <text x="0" y="15" fontSize="11" fill="#1a1a1a">
              {bar.label}
            </text>
            <rect x="170" y="4" height="14" width={(bar.value / max) * 190} fill="#5b2a86" />
            <text x={175 + (bar.value / max) * 190} y="15" fontSize="11" fill="#1a1a1a">
              {bar.value}
            </text>
          </g>
        ))}
      </svg>
    );
  }
  const width = Math.max(1, bars.length);
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width * 10} 100`} preserveAspectRatio="none" width="100%" height="160">
      {bars.map((bar, i) => {
        const h = (bar.value / max) * 100;
        return (
          <rect key={bar.label} x={i * 10 + 1} y={100 - h} width="8" height={h} fill="#5b2a86">
            <title>{`${bar.label}: ${bar.value}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
