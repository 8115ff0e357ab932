import { useTranslation } from "react-i18next";
import type { DpiaVerdict } from "../../bindings/DpiaVerdict";
import type { RiskLevel } from "../../bindings/RiskLevel";

/** Red, amber or green with the words, never colour alone. */
export function VerdictBadge({ verdict }: { verdict: DpiaVerdict }) {
  const { t } = useTranslation();
  return <span className={`badge verdict-${verdict}`}>{t(`dpia.verdictShort.${verdict}`)}</span>;
}

export function LevelBadge({ level }: { level: RiskLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <span className="muted">—</span>;
  return <span className={`badge level-${level}`}>{t(`dpia.level.${level}`)}</span>;
}
