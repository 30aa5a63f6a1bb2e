"""Scorecards and sessions rendered for people: Markdown now, HTML and JSON reports later."""
