"""Screens: the main reading screen and the help screen."""
