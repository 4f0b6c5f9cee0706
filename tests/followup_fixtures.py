"""A follow-up of tests/data/valid/branching.yaml that carries what the leader did there."""

from __future__ import annotations

FOLLOW_UP_YAML = """\
format: balint-scenario/1
id: branching-next
title: Branching test, the next meeting
summary: The same group two weeks later.
level: introductory
duration_minutes: 60
follows: branching-test
carries: {presenter_guarded: false, trust: 0, unrelated: true}
people:
  dr-a:
    name: Dr Ana Reyes
    role: General practitioner
    kind: presenter
  dr-b:
    name: Dr Ben Moss
    role: GP registrar
    kind: member
case: |
  Mrs K again, two weeks on.
script:
  - phase: frame
  - say: dr-a
    when: presenter_guarded
    text: I'll just give the facts this time.
  - say: dr-a
    when: not presenter_guarded
    text: I've been thinking about what the group said about her loneliness.
  - decision: open
    prompt: Dr Reyes waits.
    competency: frame-and-structure
    options:
      - id: invite
        text: Invite Dr Reyes to tell the group what happened since.
      - id: wait
        text: Wait and let the group settle before anyone starts.
    experts:
      - {expert: e1, best: invite}
      - {expert: e2, best: invite}
    rationale: Start the work.
  - decision: repair
    when: presenter_guarded and trust < 0
    prompt: Dr Reyes is still guarded from last time. What now?
    competency: protect-presenter
    options:
      - id: name-it
        text: Say last time the group may have pressed her, and that tonight is hers.
      - id: carry-on
        text: Carry on with the case as if last time had not happened at all.
    experts:
      - {expert: e1, best: name-it}
      - {expert: e2, best: name-it}
    rationale: Repair first.
  - phase: closing
"""
