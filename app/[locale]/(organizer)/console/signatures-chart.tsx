import type { SignatureDay } from '@/lib/dashboard/get-dashboard';

export const CONFIRMED_COLOUR = '#5b2a86';
export const PENDING_COLOUR = '#b35400';

/**
 * Signatures per day as stacked bars in inline SVG (no script, no library): confirmed below,
 * pending above. `label` sums it up for screen readers; the page gives the same days as a table.
 */
export function SignaturesChart({ days, label }: { days: SignatureDay[]; label: string }) {
  const max = Math.max(1, ...days.map((day) => day.confirmed + day.pending));
  const height = (value: number) => (value / max) * 100;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${days.length * 10} 100`} preserveAspectRatio="none" width="100%" height="96">
      {days.map((day, i) => {
        const confirmed = height(day.confirmed);
        const pending = height(day.pending);
        return (
          <g key={day.day}>
            <rect x={i * 10 + 1} y={100 - confirmed} width="8" height={confirmed} fill={CONFIRMED_COLOUR} />
            <rect x={i * 10 + 1} y={100 - confirmed - pending} width="8" height={pending} fill={PENDING_COLOUR} />
          </g>
        );
      })}
    </svg>
  );
}
