-- Recommendations read a program's locations partner by partner, most responsive first, and stop as
-- soon as the ten best are known (issue 16): the partners in that order, without a sort.
create index partner_responsiveness_score_idx on partner_responsiveness (score, organization_id);
