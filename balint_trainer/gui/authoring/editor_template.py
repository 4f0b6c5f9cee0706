"""The scenario a new file starts from (File > New from Template)."""

TEMPLATE = """\
format: balint-scenario/1
id: new-scenario
title: New scenario
summary: |
  One or two sentences: who presents, what kind of case, what the leader has to handle.
language: en
level: introductory
duration_minutes: 60
people:
  presenter:
    name: Dr A Presenter
    role: General practitioner
    kind: presenter
  member-1:
    name: Dr B Member
    role: GP registrar
    kind: member
case: |
  The presenter's factual account of the case, in their own words.
script:
  - phase: frame
  - say: leader
    text: Who has a case today?
  - phase: presentation
  - say: presenter
    text: I have one that keeps coming back to me.
  - decision: first-decision
    prompt: The presenter has finished. What do you do now?
    competency: frame-and-structure
    # Options are shuffled for every attempt; keep them of similar length so none stands out.
    options:
      - id: own-view
        text: Offer the group your own first view of the case.
      - id: facts
        text: Invite brief questions of fact about the case.
        feedback: Keeps the structure clear.
      - id: feelings
        text: Ask the group at once how the case makes them feel.
    experts:
      - {expert: expert-1, best: facts, ratings: {own-view: 2, facts: 5, feelings: 3}}
    rationale: Questions of fact come before the group's free discussion.
  - phase: questions
  - phase: push-back
  - phase: return
  - phase: closing
"""
