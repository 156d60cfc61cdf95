"""The govspeech grammar, installed as the package data folder ``govspeech.grammars``."""
