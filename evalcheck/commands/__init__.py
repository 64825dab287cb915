"""Subcommands that live in their own modules; cli.LAZY_COMMANDS loads them on use."""
