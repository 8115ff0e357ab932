import { useTranslation } from "react-i18next";
import type { RiskLevel } from "../../bindings/RiskLevel";
import type { RiskMatrix } from "../../bindings/RiskMatrix";
import { RATINGS } from "./rules";

const NEXT: Record<RiskLevel, RiskLevel> = { low: "risk", risk: "high", high: "low" };

type Props = { matrix: RiskMatrix; onChange?: (matrix: RiskMatrix) => void };

/** The office's 4×4 matrix as a table; where the user may change settings, a click on a cell moves it to the
 * next class. */
export function MatrixTable({ matrix, onChange }: Props) {
  const { t } = useTranslation();
  const cycle = (l: number, s: number) => {
    if (!onChange) return;
    const cells = matrix.cells.map((row) => [...row]);
    cells[l - 1][s - 1] = NEXT[cells[l - 1][s - 1]];
    onChange({ cells });
  };
  return (
    <table className="matrix-table" data-testid="risk-matrix">
      <caption className="muted small">{t("dpia.matrix.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("dpia.matrix.corner")}</th>
          {RATINGS.map((s) => (
            <th key={s} scope="col">
              {t(`dpia.scale.${s}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...RATINGS].reverse().map((l) => (
          <tr key={l}>
            <th scope="row">{t(`dpia.scale.${l}`)}</th>
            {RATINGS.map((s) => {
              const level = matrix.cells[l - 1][s - 1];
              return (
                <td key={s} className={`level-${level}`} data-matrix-cell={`${l}-${s}`}>
                  {onChange ? (
                    <button type="button" className="plain" onClick={() => cycle(l, s)}>
                      {t(`dpia.level.${level}`)}
                    </button>
                  ) : (
                    t(`dpia.level.${level}`)
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
