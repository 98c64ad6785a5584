"""The review process around one case's opinion (评查意见, the review file 评查卷): forming it from the panel
members' reviews, hearing the handling prosecutor, rulings, determination and rectification
(review-rules.md §1 steps 6–13)."""
