import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

type Scorer = (password: string, userInputs: string[]) => number;
let scorer: Promise<Scorer> | null = null;

// zxcvbn and its dictionaries are loaded only where a password is chosen, so they do
// not slow the start of the app.
function loadScorer(): Promise<Scorer> {
  scorer ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(([core, common]) => {
    const factory = new core.ZxcvbnFactory({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary },
    });
    return (password: string, userInputs: string[]) => factory.check(password, userInputs).score;
  });
  return scorer;
}

/** The core's minimum (password::MIN_STRENGTH), shown so nobody is surprised by a refusal. */
export const MIN_STRENGTH = 3;

/** The meter and the minimum; the core enforces it. */
export function PasswordStrength({ password, userInputs }: { password: string; userInputs: string[] }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const inputs = userInputs.join("\u0000");
  useEffect(() => {
    let current = true;
    if (!password) {
      setScore(null);
      return;
    }
    void loadScorer().then((score) => {
      if (current) setScore(score(password, inputs.split("\u0000")));
    });
    return () => {
      current = false;
    };
  }, [password, inputs]);
  if (score === null) return null;
  return (
    <div className="strength" data-score={score} aria-live="polite">
      <div className="strength-bar">
        <span style={{ width: `${(score + 1) * 20}%` }} />
      </div>
      <span>
        {t("strength.label", { level: t(`strength.${score}`) })}
        {score < MIN_STRENGTH && (
          <span className="strength-needed"> — {t("strength.needed", { level: t(`strength.${MIN_STRENGTH}`) })}</span>
        )}
      </span>
    </div>
  );
}
