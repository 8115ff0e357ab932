//! Whether a company must designate a data protection officer: Art. 37(1) GDPR and, in
//! Germany, § 38(1) BDSG. The answers are stored with the company; the verdict and its
//! reasons follow from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DpoCheck {
    /// Art. 37(1)(a): a public authority or body (courts acting judicially excepted).
    pub public_body: bool,
    /// Art. 37(1)(b): core activities need regular and systematic monitoring of data
    /// subjects on a large scale.
    pub large_scale_monitoring: bool,
    /// Art. 37(1)(c): core activities are large-scale processing of special categories
    /// (Art. 9) or of data on criminal convictions (Art. 10).
    pub large_scale_special_categories: bool,
    /// § 38(1) sentence 1 BDSG: as a rule at least 20 persons constantly deal with the
    /// automated processing of personal data.
    pub twenty_persons_processing: bool,
    /// § 38(1) sentence 2 BDSG: processing that requires a DPIA (Art. 35).
    pub dpia_processing: bool,
    /// § 38(1) sentence 2 BDSG: commercial processing for transfer, anonymised transfer or
    /// market or opinion research.
    pub commercial_transfer_or_research: bool,
}

/// A ground that makes the designation mandatory, with its norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DpoReason {
    Art37PublicBody,
    Art37Monitoring,
    Art37SpecialCategories,
    Bdsg38TwentyPersons,
    Bdsg38Dpia,
    Bdsg38CommercialTransfer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DpoVerdict {
    pub required: bool,
    /// Every ground that applies; empty when no DPO is required.
    pub reasons: Vec<DpoReason>,
}

impl DpoCheck {
    pub fn verdict(&self) -> DpoVerdict {
        let grounds = [
            (self.public_body, DpoReason::Art37PublicBody),
            (self.large_scale_monitoring, DpoReason::Art37Monitoring),
            (
                self.large_scale_special_categories,
                DpoReason::Art37SpecialCategories,
            ),
            (
                self.twenty_persons_processing,
                DpoReason::Bdsg38TwentyPersons,
            ),
            (self.dpia_processing, DpoReason::Bdsg38Dpia),
            (
                self.commercial_transfer_or_research,
                DpoReason::Bdsg38CommercialTransfer,
            ),
        ];
        let reasons: Vec<DpoReason> = grounds
            .iter()
            .filter(|(applies, _)| *applies)
            .map(|(_, r)| *r)
            .collect();
        DpoVerdict {
            required: !reasons.is_empty(),
            reasons,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_ground_requires_a_dpo_and_is_named() {
        assert_eq!(
            DpoCheck::default().verdict(),
            DpoVerdict {
                required: false,
                reasons: vec![]
            }
        );
        let check = DpoCheck {
            twenty_persons_processing: true,
            large_scale_special_categories: true,
            ..Default::default()
        };
        assert_eq!(
            check.verdict(),
            DpoVerdict {
                required: true,
                reasons: vec![
                    DpoReason::Art37SpecialCategories,
                    DpoReason::Bdsg38TwentyPersons
                ]
            }
        );
    }
}
