"""govspeech's built-in plugins, installed as the package ``govspeech_plugins``.

They are registered in the project's ``pyproject.toml`` under the entry-point groups
``govspeech.plugins`` (commands) and ``govspeech.exporters`` (``export --format`` formats),
exactly as a third-party plugin would be; ``govspeech`` itself never imports this package.
"""
