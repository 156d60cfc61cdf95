"""From text to tree: the grammar (``govspeech.lark``, the one place marker syntax is written),
the marker families it defines (`families`) and their numerals (`numerals`), the line lexer,
the level resolver and the tree builder that Lark runs in one pipeline (`treebuilder`)."""
