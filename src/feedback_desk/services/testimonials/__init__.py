"""Testimonials (seed 000): inviting clients to recommend the studio, their answers (qualities,
two texts, consent to each part shown, or a refusal with its reason), staff's approval, the
client's withdrawal, and the page the studio publishes. The rules as built are in
docs/rules.md#testimonials."""
