import { useTranslation } from "react-i18next";
import type { RiskInput } from "../../bindings/RiskInput";
import type { RiskMatrix } from "../../bindings/RiskMatrix";
import { RATINGS } from "./rules";

type Props = { risks: RiskInput[]; matrix: RiskMatrix; name: (risk: RiskInput, index: number) => string };

const CELL = 72;
const PAD = 34;
/** The centre of a cell: severity runs left to right, likelihood bottom to top. */
const at = (likelihood: number, severity: number) => ({
  x: PAD + (severity - 1) * CELL + CELL / 2,
  y: (4 - likelihood) * CELL + CELL / 2,
});

/** The risk map (SPEC §6): a 4×4 grid, likelihood × severity, coloured by the office's matrix. Each risk is a
 * numbered marker before measures with an arrow to its place after them. Markers are focusable and named for
 * keyboard and screen reader users; the table beside holds the same facts. */
export function RiskMap({ risks, matrix, name }: Props) {
  const { t } = useTranslation();
  const size = PAD + 4 * CELL;
  const placed = risks.map((r, i) => ({ r, i })).filter(({ r }) => r.likelihood && r.severity);
  return (
    <figure className="risk-map" data-testid="risk-map">
      <svg
        viewBox={`0 0 ${size + 8} ${size + PAD}`}
        width={size + 8}
        height={size + PAD}
        role="group"
        aria-label={t("dpia.map.title")}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" fill="#1b2430" />
          </marker>
        </defs>
        {RATINGS.map((l) =>
          RATINGS.map((s) => {
            const level = matrix.cells[l - 1]?.[s - 1] ?? "low";
            const { x, y } = at(l, s);
            return (
              <rect
                key={`${l}-${s}`}
                className={`map-cell level-${level}`}
                data-cell={`${l}-${s}`}
                x={x - CELL / 2}
                y={y - CELL / 2}
                width={CELL}
                height={CELL}
              />
            );
          }),
        )}
        {RATINGS.map((n) => (
          <g key={n} className="map-axis">
            <text x={at(1, n).x} y={4 * CELL + 16} textAnchor="middle">
              {n}
            </text>
            <text x={PAD - 12} y={at(n, 1).y + 4} textAnchor="middle">
              {n}
            </text>
          </g>
        ))}
        <text className="map-label" x={PAD + 2 * CELL} y={4 * CELL + 31} textAnchor="middle">
          {t("dpia.map.severity")}
        </text>
        <text className="map-label" x={10} y={2 * CELL} textAnchor="middle" transform={`rotate(-90 10 ${2 * CELL})`}>
          {t("dpia.map.likelihood")}
        </text>
        {placed.map(({ r, i }) => {
          const before = at(r.likelihood ?? 1, r.severity ?? 1);
          const offset = (i % 3) * 9 - 9;
          const after =
            r.residual_likelihood && r.residual_severity ? at(r.residual_likelihood, r.residual_severity) : null;
          const label = t("dpia.map.marker", {
            n: i + 1,
            name: name(r, i),
            l: r.likelihood,
            s: r.severity,
            after: after
              ? t("dpia.map.after", { l: r.residual_likelihood, s: r.residual_severity })
              : t("dpia.map.noAfter"),
          });
          return (
            <g key={i} className="map-risk" data-risk-marker={i + 1} tabIndex={0} role="img" aria-label={label}>
              <title>{label}</title>
              {after && (before.x !== after.x || before.y !== after.y) && (
                <line
                  data-arrow={i + 1}
                  x1={before.x + offset}
                  y1={before.y + offset}
                  x2={after.x + offset}
                  y2={after.y + offset}
                  stroke="#1b2430"
                  strokeWidth="2"
                  markerEnd="url(#arrow)"
                />
              )}
              {after && <circle cx={after.x + offset} cy={after.y + offset} r="9" className="marker-after" />}
              <circle cx={before.x + offset} cy={before.y + offset} r="12" className="marker-before" />
              <text x={before.x + offset} y={before.y + offset + 4} textAnchor="middle" className="marker-text">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">{t("dpia.map.caption")}</figcaption>
    </figure>
  );
}
