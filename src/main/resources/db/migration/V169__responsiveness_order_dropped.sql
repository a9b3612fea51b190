-- Recommendations read the locations in order of responsiveness from routing's copy of them (V168),
-- no longer partner by partner from partner_responsiveness: V158's index has no reader left, and
-- each responsiveness refresh rewrote it.
drop index partner_responsiveness_score_idx;
